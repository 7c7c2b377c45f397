// kubectl commands ksim does not have are answered plainly; unknown words keep kubectl 1.35's text.
import {expect} from 'chai'

import {missingKubectlCommand} from '../../src/cli/kubectl-commands.js'
import {Sandbox} from '../helpers/cli.js'

const KSIM = new Set(['get', 'create', 'create:configmap', 'create:cm', 'create:secret', 'create:secret:generic', 'create:svc:clusterip', 'config', 'config:use-context', 'help'])
const missing = (words: string[]) => missingKubectlCommand(words, (id) => KSIM.has(id))

describe('kubectl commands ksim does not have', function () {
  this.timeout(60_000)

  it('finds the kubectl command the leading words name beyond what ksim has', () => {
    expect(missing(['logs', 'mypod'])).to.equal('logs')
    expect(missing(['config', 'view'])).to.equal('config view')
    expect(missing(['create', 'job', 'j'])).to.equal('create job')
    expect(missing(['create', 'secret', 'tls', 's'])).to.equal('create secret tls')
    expect(missing(['create', 'svc', 'externalname', 'x'])).to.equal('create svc externalname')
    expect(missing(['create', 'svc', 'clusterip', 'x'])).to.equal(undefined)
    expect(missing(['create', 'cm', 'x'])).to.equal(undefined)
    expect(missing(['get', 'logs'])).to.equal(undefined)
    expect(missing(['help', 'logs'])).to.equal(undefined)
    expect(missing(['frobnicate'])).to.equal(undefined)
  })

  it('the CLI says so on stderr with exit 1, for every kubectl 1.35 command ksim lacks', () => {
    const sb = new Sandbox('ksim-missing-', {KSIM_NO_RECONCILER: '1'})
    try {
      const lacking = ['top', 'cp', 'proxy', 'auth',
        'certificate', 'kustomize', 'debug', 'autoscale', 'cluster-info', 'alpha']
      for (const verb of lacking) {
        expect(sb.run([verb, 'x']), verb).to.deep.equal({stdout: '', stderr: `error: "${verb}" is a kubectl command that ksim does not have yet\nSee 'ksim help' for the commands it has\n`, code: 1})
      }
      // port-forward is there now, and events, and attach
      expect(sb.run(['events', 'x'])).to.deep.equal({stdout: '', stderr: 'No events found in default namespace.\n', code: 0})
      expect(sb.run(['port-forward', 'x'])).to.deep.equal({stdout: '', stderr: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'ksim port-forward -h' for help and examples\n", code: 1})
      expect(sb.run(['-n', 'team', 'attach', 'p'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): pods "p" not found\n', code: 1})
      // create clusterrole is there now
      expect(sb.run(['create', 'clusterrole', 'r']).stderr).to.equal('error: at least one verb must be specified\n')
      expect(sb.run(['create', 'quota', 'q', '--hard=pods=2']).stderr).to.equal(`error: "create quota" is a kubectl command that ksim does not have yet\nSee 'ksim help' for the commands it has\n`)
      // truly unknown words keep kubectl 1.35's text (`error:`, no blank line after the suggestions)
      expect(sb.run(['gte', 'pods'])).to.deep.equal({stdout: '', stderr: 'error: unknown command "gte" for "ksim"\n\nDid you mean this?\n\tget\n', code: 1})
      expect(sb.run(['xyzzy'])).to.deep.equal({stdout: '', stderr: 'error: unknown command "xyzzy" for "ksim"\n', code: 1})
    } finally {
      sb.cleanup()
    }
  })

  it('kinds Kubernetes has built in but ksim does not serve are named plainly, never as missing CRDs', () => {
    const sb = new Sandbox('ksim-kinds-', {KSIM_NO_RECONCILER: '1'})
    try {
      const hpas = 'error: ksim does not serve horizontalpodautoscalers (autoscaling/v2 HorizontalPodAutoscaler) yet; `ksim api-resources` lists the kinds it serves\n'
      expect(sb.run(['get', 'horizontalpodautoscalers'])).to.deep.equal({stdout: '', stderr: hpas, code: 1})
      expect(sb.run(['get', 'pods,hpa']).stderr).to.equal(hpas)
      expect(sb.run(['scale', 'limitrange', 'x', '--replicas=1']).stderr).to.equal('error: ksim does not serve limitranges (v1 LimitRange) yet; `ksim api-resources` lists the kinds it serves\n')
      expect(sb.run(['delete', 'ing', 'x']).stderr).to.equal('error: ksim does not serve ingresses (networking.k8s.io/v1 Ingress) yet; `ksim api-resources` lists the kinds it serves\n')
      expect(sb.run(['describe', 'horizontalpodautoscaler.autoscaling']).stderr).to.equal(hpas)
      const job = sb.write('hpa.yaml', 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: j\nspec:\n  scaleTargetRef: {kind: Deployment, name: d}\n  maxReplicas: 3\n')
      for (const verb of ['create', 'apply']) {
        const r = sb.run([verb, '-f', job])
        expect(r.code).to.equal(1)
        expect(r.stderr).to.equal(`error: ksim does not serve horizontalpodautoscalers (autoscaling/v2 HorizontalPodAutoscaler) yet; \`ksim api-resources\` lists the kinds it serves; from "${job}": name: "j"\n`)
      }
      // a kind nobody has built in keeps kubectl's words
      expect(sb.run(['get', 'foos']).stderr).to.equal('error: the server doesn\'t have a resource type "foos"\n')
      const crd = sb.write('crd.yaml', 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f\n')
      expect(sb.run(['create', '-f', crd]).stderr).to.equal(`error: resource mapping not found for name: "f" namespace: "" from "${crd}": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n`)
    } finally {
      sb.cleanup()
    }
  })
})
