import {expect} from 'chai'
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

import {completionOutput} from '../../../src/cli/complete/index.cjs'
import {updateConfig} from '../../../src/config/contexts.js'
import {stateFile} from '../../../src/config/paths.js'
import {CompletionHome} from './fixture.js'

/** `ksim __complete` for a line typed as text: a trailing space starts a new (empty) word. */
function tab(line: string): string {
  const words = line.split(' ').filter((w, i, all) => w !== '' || i === all.length - 1)
  return completionOutput(words.length === 0 ? [''] : words)
}

describe('completion (ksim __complete)', function () {
  this.timeout(60_000)
  let home: CompletionHome

  before(async () => {
    home = new CompletionHome()
    await home.cluster('dev', 2, true)
    await home.cluster('prod', 1)
    home.populate('dev', {
      namespaces: ['team-a'],
      pods: [['default', 'nginx'], ['default', 'nginx-2'], ['default', 'web'], ['team-a', 'api']],
      deployments: [['default', 'frontend'], ['team-a', 'backend']],
    })
    home.populate('prod', {pods: [['default', 'billing']]})
  })

  after(() => home.cleanup())

  describe('commands and flags', () => {
    it('completes a command from its first letters', () => {
      expect(tab('clu')).to.equal('cluster\n:0\n')
    })

    it('lists the visible top-level commands, not hidden ones', () => {
      const names = tab('').split('\n')
      expect(names).to.include.members(['annotate', 'cluster', 'completion', 'config', 'create', 'delete', 'describe', 'get', 'help', 'label'])
      expect(names).not.to.include('reconciler')
      expect(names.at(-2)).to.equal(':0')
    })

    it('lists the subcommands of a topic and of a command that has some', () => {
      expect(tab('cluster ')).to.equal('create\ndelete\nlist\nstart\nstatus\nstop\nuse\n:0\n')
      expect(tab('create secret ')).to.equal('generic\n:0\n')
      expect(tab('config use')).to.equal('use-context\n:0\n')
    })

    it('completes long flag names of the command on the line', () => {
      expect(tab('get --ou')).to.equal('--output\n--output-watch-events\n:0\n')
      expect(tab('get pods --sh')).to.equal('--show-kind\n--show-labels\n--show-managed-fields\n:0\n')
    })

    it('offers short forms too after a single dash', () => {
      const out = tab('delete -').split('\n')
      expect(out).to.include.members(['-n', '-l', '-o', '-f', '--namespace', '--grace-period', '--help', '-h'])
    })

    it('completes output formats, without a space after the ones that take a value', () => {
      expect(tab('get -o ')).to.equal('json\nyaml\nname\ngo-template=\ngo-template-file=\ntemplate=\ntemplatefile=\njsonpath=\njsonpath-as-json=\njsonpath-file=\ncustom-columns=\ncustom-columns-file=\nwide\n:0\n')
      expect(tab('get -o jsonp')).to.equal('jsonpath=\njsonpath-as-json=\njsonpath-file=\n:1\n')
      expect(tab('get --output=y')).to.equal('--output=yaml\n:0\n')
      expect(tab('create -o ')).to.equal('json\nyaml\nname\ngo-template=\ngo-template-file=\ntemplate=\ntemplatefile=\njsonpath=\njsonpath-as-json=\njsonpath-file=\n:0\n')
    })

    it('completes the values of --dry-run and --cascade', () => {
      expect(tab('create --dry-run ')).to.equal('none\nclient\nserver\n:0\n')
      expect(tab('delete --cascade=f')).to.equal('--cascade=foreground\n:0\n')
    })

    it("completes run's flags and their values, and no live names for the new pod's NAME", () => {
      expect(tab('run web --over')).to.equal('--override-type\n--overrides\n:0\n')
      expect(tab('run web --image=nginx --dry-run=s')).to.equal('--dry-run=server\n:0\n')
      expect(tab('run web -o ')).to.equal('json\nyaml\nname\ngo-template=\ngo-template-file=\ntemplate=\ntemplatefile=\njsonpath=\njsonpath-as-json=\njsonpath-file=\n:0\n')
      expect(tab('run ')).to.equal(':0\n')
    })

    it('asks the shell for file names after -f', () => {
      expect(tab('create -f ')).to.equal(':2\n')
      expect(tab('apply --filename=')).to.equal(':2\n')
      expect(tab('patch deploy web --patch-file ')).to.equal(':2\n')
    })

    it('completes shells, clusters and contexts as arguments', () => {
      expect(tab('completion ')).to.equal('bash\nzsh\n:0\n')
      expect(tab('cluster use ')).to.equal('dev\nprod\n:0\n')
      expect(tab('config use-context p')).to.equal('prod\n:0\n')
      expect(tab('help cluster st')).to.equal('start\nstatus\nstop\n:0\n')
    })
  })

  describe('flag values from the config and the store', () => {
    it('completes --context with the context names', () => {
      expect(tab('get --context ')).to.equal('dev\nprod\n:0\n')
      expect(tab('get --context=d')).to.equal('--context=dev\n:0\n')
    })

    it("completes -n with the namespaces of the context's cluster", () => {
      expect(tab('get -n ')).to.equal('default\nkube-node-lease\nkube-public\nkube-system\nteam-a\n:0\n')
      expect(tab('get pods --namespace=t')).to.equal('--namespace=team-a\n:0\n')
      expect(tab('get --context prod -n ')).to.equal('default\nkube-node-lease\nkube-public\nkube-system\n:0\n')
    })
  })

  describe('resource types and live names', () => {
    it('lists resource types as kubectl api-resources -o name does', () => {
      const types = tab('get ').split('\n')
      expect(types).to.include.members(['pods', 'nodes', 'namespaces', 'configmaps', 'secrets', 'leases.coordination.k8s.io'])
      expect(types).not.to.include('po')
      expect(tab('describe po')).to.equal('poddisruptionbudgets.policy\npods\npodtemplates\n:0\n')
      expect(tab('get pods,no')).to.equal('pods,nodes\n:0\n')
    })

    it('lists the names of pods in the current namespace', () => {
      expect(tab('get pods ')).to.equal('nginx\nnginx-2\nweb\n:0\n')
      expect(tab('delete pod ng')).to.equal('nginx\nnginx-2\n:0\n')
      expect(tab('label po w')).to.equal('web\n:0\n')
    })

    it('leaves out names already on the line', () => {
      expect(tab('get pods nginx ')).to.equal('nginx-2\nweb\n:0\n')
    })

    it('lists cluster-scoped objects whatever the namespace', () => {
      expect(tab('describe node ')).to.equal('dev-control-plane\ndev-worker\n:0\n')
      expect(tab('get -n team-a nodes dev-w')).to.equal('dev-worker\n:0\n')
    })

    it('completes the TYPE/NAME form', () => {
      expect(tab('get pod/')).to.equal('pod/nginx\npod/nginx-2\npod/web\n:0\n')
      expect(tab('delete po/ngin')).to.equal('po/nginx\npo/nginx-2\n:0\n')
      expect(tab('get pod/nginx ')).to.include('pods/\n').and.to.match(/:1\n$/)
      expect(tab('get pod/nginx pod/')).to.equal('pod/nginx-2\npod/web\n:0\n')
    })

    it('honours -n, --namespace and --context on the line', () => {
      expect(tab('get pods -n team-a ')).to.equal('api\n:0\n')
      expect(tab('get -nteam-a pods ')).to.equal('api\n:0\n')
      expect(tab('get --namespace=team-a pod/')).to.equal('pod/api\n:0\n')
      expect(tab('get --context prod pods ')).to.equal('billing\n:0\n')
      expect(tab('get --context=prod pods -n team-a ')).to.equal(':0\n')
    })

    it("uses the context's namespace when the line names none", async () => {
      await updateConfig((cfg) => {
        cfg.contexts.get('dev')!.namespace = 'team-a'
      })
      try {
        expect(tab('get pods ')).to.equal('api\n:0\n')
      } finally {
        await updateConfig((cfg) => {
          delete cfg.contexts.get('dev')!.namespace
        })
      }
    })

    it('honours -n, --namespace and --context before the command, as kubectl does', () => {
      expect(tab('-n team-a get pods ')).to.equal('api\n:0\n')
      expect(tab('--namespace=team-a get pod/')).to.equal('pod/api\n:0\n')
      expect(tab('--context prod get pods ')).to.equal('billing\n:0\n')
      expect(tab('-n team-a g')).to.equal('get\n:0\n')
      expect(tab('--context prod -n ')).to.equal('default\nkube-node-lease\nkube-public\nkube-system\n:0\n')
      expect(tab('-n ')).to.equal('default\nkube-node-lease\nkube-public\nkube-system\nteam-a\n:0\n')
      expect(tab('--context p')).to.equal('prod\n:0\n')
    })

    it('offers set image and scale only the types of kubectl\'s list that ksim serves, then live names', () => {
      expect(tab('set ')).to.equal('env\nimage\nresources\nselector\nserviceaccount\nsubject\n:0\n')
      expect(tab('set image ')).to.equal('daemonsets\ndeployments\npods\ncronjobs\nreplicasets\nreplicationcontrollers\nstatefulsets\n:0\n')
      expect(tab('scale ')).to.equal('deployment\nreplicaset\nreplicationcontroller\nstatefulset\n:0\n')
      expect(tab('set image pods ng')).to.equal('nginx\nnginx-2\n:0\n')
      expect(tab('set image pod/w')).to.equal('pod/web\n:0\n')
    })

    it('offers taint only nodes, as kubectl lists its ValidArgs, then the node names', () => {
      expect(tab('taint ')).to.equal('node\n:0\n')
      expect(tab('taint node ')).to.equal('dev-control-plane\ndev-worker\n:0\n')
      expect(tab('taint nodes dev-w')).to.equal('dev-worker\n:0\n')
    })

    it('offers node start and stop the node names', () => {
      expect(tab('node stop ')).to.equal('dev-control-plane\ndev-worker\n:0\n')
      expect(tab('node start dev-w')).to.equal('dev-worker\n:0\n')
      expect(tab('node stop dev-worker ')).to.equal(':0\n')
    })

    it('offers rollout its resource types, then names, in both forms', () => {
      expect(tab('rollout status ')).to.equal('deployments\n:0\n')
      expect(tab('rollout status deployments ')).to.equal('frontend\n:0\n')
      expect(tab('rollout undo deployment/')).to.equal('deployment/frontend\n:0\n')
      expect(tab('rollout restart deploy/f')).to.equal('deploy/frontend\n:0\n')
      expect(tab('scale deployment/')).to.equal('deployment/frontend\n:0\n')
    })

    it('offers expose the types it can expose, then names', () => {
      expect(tab('expose ')).to.equal('deployments\npods\nreplicasets\nservices\n:0\n')
      expect(tab('expose deployment ')).to.equal('frontend\n:0\n')
      expect(tab('expose pod/w')).to.equal('pod/web\n:0\n')
    })

    it("completes wait --for's conditions", () => {
      expect(tab('wait --for ')).to.equal('condition=\ncreate\ndelete\njsonpath=\n:0\n')
      expect(tab('wait pod/web --for=c')).to.equal('--for=condition=\n--for=create\n:0\n')
      expect(tab('wait --for=d')).to.equal('--for=delete\n:0\n')
    })

    it('lists names from every namespace with -A', () => {
      expect(tab('get pods -A ')).to.equal('api\nnginx\nnginx-2\nweb\n:0\n')
      expect(tab('get --all-namespaces deployments ')).to.equal('backend\nfrontend\n:0\n')
      expect(tab('get -A pod/')).to.equal('pod/api\npod/nginx\npod/nginx-2\npod/web\n:0\n')
      expect(tab('get pods --all-namespaces=false ')).to.equal('nginx\nnginx-2\nweb\n:0\n')
    })

    it('describes commands and flags when asked (the zsh script asks), and nothing else', () => {
      const withDescriptions = (line: string) => completionOutput(line.split(' '), undefined, true)
      expect(withDescriptions('cluster st')).to.equal("start\tStart a cluster's reconciler\nstatus\tShow a cluster's reconciler and pending work\nstop\tStop a cluster's reconciler\n:0\n")
      expect(withDescriptions('get --show-l')).to.equal('--show-labels\tWhen printing, show all labels as the last column (default hide labels column)\n:0\n')
      expect(withDescriptions('get --he')).to.equal('--help\thelp for get\n:0\n')
      expect(withDescriptions('get pods ng')).to.equal('nginx\nnginx-2\n:0\n')
      expect(tab('cluster st'), 'bash asks for none').to.equal('start\nstatus\nstop\n:0\n')
    })

    it('offers nothing for an unknown resource type', () => {
      expect(tab('get foos ')).to.equal(':0\n')
    })
  })

  describe('when the state cannot be read', () => {
    it('offers no names for a cluster whose state file is missing, and still completes flags', async () => {
      await updateConfig((cfg) => {
        cfg.contexts.set('gone', {cluster: 'gone'})
      })
      expect(tab('get --context gone pods ')).to.equal(':0\n')
      expect(tab('get --context gone -n ')).to.equal(':0\n')
      expect(tab('get --context gone --ou')).to.equal('--output\n--output-watch-events\n:0\n')
      expect(fs.existsSync(stateFile('gone'))).to.equal(false)
    })

    it('offers no names when the state file is locked by another connection', () => {
      const holder = new Database(stateFile('prod'))
      try {
        holder.pragma('locking_mode = EXCLUSIVE')
        holder.exec('BEGIN EXCLUSIVE')
        expect(tab('get --context prod pods ')).to.equal(':0\n')
      } finally {
        holder.close()
      }
      expect(tab('get --context prod pods ')).to.equal('billing\n:0\n')
    })

    it('offers no names when the state file is not a database', async () => {
      await home.cluster('broken')
      fs.writeFileSync(stateFile('broken'), 'this is not SQLite\n'.repeat(100))
      expect(tab('get --context broken pods ')).to.equal(':0\n')
    })

    it('offers nothing when the manifest cannot be read', () => {
      expect(completionOutput(['get', ''], path.join(home.home, 'missing.json'))).to.equal(':0\n')
    })
  })
})

describe('completion in an empty KSIM_HOME', () => {
  it('offers no names and creates no cluster', () => {
    const home = new CompletionHome()
    try {
      expect(tab('get pods ')).to.equal(':0\n')
      expect(tab('get -n ')).to.equal(':0\n')
      expect(fs.readdirSync(home.home)).to.deep.equal(['bin'])
    } finally {
      home.cleanup()
    }
  })
})

describe('the completion model (dist/ksim-complete.json, what bin/run.js completes from)', () => {
  it('answers every line as the full manifest does, with and without descriptions', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', '..')
    const full = path.join(root, 'oclif.manifest.json')
    const model = path.join(root, 'dist', 'ksim-complete.json')
    expect(fs.statSync(model).size).to.be.lessThan(fs.statSync(full).size * 0.6)
    const lines = ['', 'g', 'get ', 'get pods --', 'get pods -', 'get pods -o ', 'get pods --output=', 'create ', 'create secret ', 'create deployment d --',
      'rollout ', 'rollout status ', 'config ', 'logs -', 'delete --cascade=', 'describe no', 'apply --dry-run=', 'cluster ', 'completion ', 'label --', 'set image --']
    for (const line of lines) {
      const words = line.split(' ')
      for (const descriptions of [false, true]) {
        const expected = completionOutput(words, full, descriptions)
        expect(expected.split('\n').length, line).to.be.greaterThan(2)
        expect(completionOutput(words, model, descriptions), `${line} (descriptions: ${descriptions})`).to.equal(expected)
      }
    }
  })
})
