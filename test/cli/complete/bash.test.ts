import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {CompletionHome} from './fixture.js'
import {bashWords, quote, runScript, typeInShell} from './shell.js'

/** What the registered function puts in COMPREPLY (and passes to compopt) for a line typed in bash. */
function bashTab(home: CompletionHome, lines: string[]): string[] {
  const calls = lines.map((line) => {
    const words = bashWords(`ksim ${line}`)
    return [
      `COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}`,
      `COMP_LINE=${quote(`ksim ${line}`)}; COMP_POINT=\${#COMP_LINE}; COMPREPLY=(); opts=()`,
      '"$fn" ksim "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
      `printf '%s|' "\${COMPREPLY[@]}"; printf 'compopt:%s\\n' "\${opts[*]}"`,
    ].join('\n')
  })
  const script = [
    'source <(ksim completion bash)',
    // the function `complete -p` names, as bash would call it
    'fn=$(complete -p ksim); fn=${fn#*-F }; fn=${fn%% *}',
    // compopt only works while bash itself runs a completion: record what the function asks for
    'compopt() { opts+=("$*"); }',
    ...calls,
  ].join('\n')
  return runScript('bash', script, home.env()).split('\n').slice(0, -1)
}

describe('completion in bash', function () {
  this.timeout(120_000)
  let home: CompletionHome

  before(async () => {
    home = new CompletionHome()
    await home.cluster('dev', 1, true)
    home.populate('dev', {namespaces: ['team-a'], pods: [['default', 'nginx'], ['default', 'nginx-2'], ['default', 'web'], ['team-a', 'api']]})
  })

  after(() => home.cleanup())

  it('registers a completion function for ksim', () => {
    expect(runScript('bash', 'source <(ksim completion bash); complete -p ksim', home.env())).to.equal('complete -F _ksim ksim\n')
  })

  it('completes commands, flags, flag values and live names through the registered function', () => {
    expect(
      bashTab(home, ['clu', 'cluster ', 'get --ou', 'get -o ', 'get -o jsonp', 'get pods ', 'delete pod ng', 'describe node ', 'get pod/', 'get pod/nginx ', 'create -f ']),
    ).to.deep.equal([
      'cluster|compopt:',
      'create|delete|list|start|status|stop|use|compopt:',
      '--output|--output-watch-events|compopt:',
      'json|yaml|name|go-template=|go-template-file=|template=|templatefile=|jsonpath=|jsonpath-as-json=|jsonpath-file=|custom-columns=|custom-columns-file=|wide|compopt:',
      'jsonpath=|jsonpath-as-json=|jsonpath-file=|compopt:-o nospace',
      'nginx|nginx-2|web|compopt:',
      'nginx|nginx-2|compopt:',
      'dev-control-plane|compopt:',
      'pod/nginx|pod/nginx-2|pod/web|compopt:',
      'clusterrolebindings.rbac.authorization.k8s.io/|clusterroles.rbac.authorization.k8s.io/|configmaps/|controllerrevisions.apps/|cronjobs.batch/|customresourcedefinitions.apiextensions.k8s.io/|daemonsets.apps/|deployments.apps/|endpoints/|endpointslices.discovery.k8s.io/|events/|jobs.batch/|leases.coordination.k8s.io/|namespaces/|nodes/|persistentvolumeclaims/|persistentvolumes/|poddisruptionbudgets.policy/|pods/|podtemplates/|priorityclasses.scheduling.k8s.io/|replicasets.apps/|replicationcontrollers/|rolebindings.rbac.authorization.k8s.io/|roles.rbac.authorization.k8s.io/|runtimeclasses.node.k8s.io/|secrets/|serviceaccounts/|services/|statefulsets.apps/|storageclasses.storage.k8s.io/|compopt:-o nospace',
      '|compopt:-o default',
    ])
  })

  it('replaces only the text after = when bash splits a word there, and honours the namespace', () => {
    expect(bashTab(home, ['get --namespace=', 'get --namespace=te', 'get --namespace=team-a pods ', 'get -o=js', '-n team-a get pods '])).to.deep.equal([
      'default|kube-node-lease|kube-public|kube-system|team-a|compopt:',
      'team-a|compopt:',
      'api|compopt:',
      'json|jsonpath=|jsonpath-as-json=|jsonpath-file=|compopt:',
      // global flags before the command, as kubectl takes them
      'api|compopt:',
    ])
  })

  it('gives no candidates and prints nothing when the state file is corrupt', () => {
    // a separate home, so the corrupt file does not disturb the other tests
    const scratch = new CompletionHome()
    try {
      fs.mkdirSync(path.join(scratch.home, 'clusters', 'dev'), {recursive: true})
      fs.writeFileSync(path.join(scratch.home, 'clusters', 'dev', 'state.db'), 'garbage')
      fs.writeFileSync(path.join(scratch.home, 'config.json'), '{"currentContext":"dev","contexts":{"dev":{"cluster":"dev"}}}')
      const script = `source <(ksim completion bash)
COMP_WORDS=(ksim get pods ''); COMP_CWORD=3; COMP_LINE='ksim get pods '; COMP_POINT=14
_ksim ksim '' pods; echo "status=$? replies=\${#COMPREPLY[@]}"`
      expect(runScript('bash', script, scratch.env())).to.equal('status=0 replies=0\n')
    } finally {
      scratch.cleanup()
    }
  })

  it('completes on TAB in an interactive bash', async () => {
    const rc = [
      "PS1='READY> '",
      'source <(ksim completion bash)',
      'bind -x \'"\\C-t": printf "%s\\n" "$READLINE_LINE" >> "$KSIM_TEST_OUT"\'',
    ].join('\n')
    fs.writeFileSync(path.join(home.home, 'manifest.yaml'), '')
    const rcFile = path.join(home.home, 'bashrc')
    fs.writeFileSync(rcFile, `${rc}\n`)
    const typed = await typeInShell(`bash --noprofile --rcfile ${quote(rcFile)} -i`, home.env(), [
      'ksim clu',
      'ksim get pods w',
      'ksim delete pod ngi',
      'ksim get pod/w',
      'ksim get -o jsonpath-f',
      'ksim get --namespace=team',
      'ksim get --namespace=team-a pods ',
      'ksim create -f manif',
      'ksim apply --filename=manif',
    ])
    expect(typed).to.deep.equal([
      'ksim cluster ',
      'ksim get pods web ',
      'ksim delete pod nginx',
      'ksim get pod/web ',
      'ksim get -o jsonpath-file=',
      'ksim get --namespace=team-a ',
      'ksim get --namespace=team-a pods api ',
      'ksim create -f manifest.yaml ',
      'ksim apply --filename=manifest.yaml ',
    ])
  })
})
