import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {ROOT, Sandbox} from '../helpers/cli.js'

interface Recorded {
  args: string[]
  stdout: string
  stderr: string
  code: number
}

// what kubectl 1.32 printed for each case (scripts/record-kubectl-run.js)
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kubectl-run.json'), 'utf8')) as {kubectl: string; cases: Recorded[]}

describe('ksim run', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})
  const fails = (stderr: string) => ({stdout: '', stderr, code: 1})
  const jsonpath = (obj: string, p: string) => sb.run(['get', obj, '-o', `jsonpath=${p}`]).stdout

  describe(`--dry-run=client prints what kubectl ${FIXTURE.kubectl} prints`, () => {
    for (const c of FIXTURE.cases) {
      it(`run ${c.args.join(' ')}`, () => {
        const expected = {stdout: c.stdout, stderr: c.stderr.replaceAll("'kubectl run -h'", "'ksim run -h'"), code: c.code}
        expect(sb.run(['run', ...c.args])).to.deep.equal(expected)
      })
    }
  })

  it('creates the pod through the API: defaulted, admitted, stored in the namespace', () => {
    expect(sb.run(['run', 'web', '--image=nginx', '--port=80', '--env=A=1', '--', 'serve', '--fast'])).to.deep.equal(ok('pod/web created\n'))
    expect(jsonpath('pod/web', '{.metadata.labels.run} {.spec.containers[0].args} {.spec.containers[0].env[0].value} {.spec.containers[0].ports[0].protocol} {.spec.containers[0].imagePullPolicy} {.spec.restartPolicy} {.spec.serviceAccountName} {.status.phase}')).to.equal(
      'web ["serve","--fast"] 1 TCP Always Always default Pending',
    )
    expect(sb.run(['run', 'web', '--image=nginx'])).to.deep.equal(fails('Error from server (AlreadyExists): pods "web" already exists\n'))
    expect(sb.run(['create', 'namespace', 'team']).code).to.equal(0)
    expect(sb.run(['run', 'job', '--image=busybox:1.36', '-n', 'team', '--restart=Never', '--command', '--', 'sh', '-c', 'exit 0'])).to.deep.equal(ok('pod/job created\n'))
    expect(sb.run(['get', 'pod', 'job', '-n', 'team', '-o', 'jsonpath={.spec.restartPolicy} {.spec.containers[0].command}']).stdout).to.equal('Never ["sh","-c","exit 0"]')
  })

  it('refuses what the API refuses, with its error', () => {
    expect(sb.run(['run', 'Web', '--image=nginx'])).to.deep.equal(
      fails(
        'The Pod "Web" is invalid: \n' +
          '* metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n' +
          '* spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n',
      ),
    )
    expect(sb.run(['get', 'pods'])).to.deep.include({stdout: ''})
  })

  it('--dry-run=server goes through the API without storing anything', () => {
    expect(sb.run(['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=server'])).to.deep.equal(ok('service/web created (server dry run)\npod/web created (server dry run)\n'))
    const printed = sb.run(['run', 'web', '--image=nginx', '--dry-run=server', '-o', 'yaml'])
    expect(printed.stdout).to.include('  namespace: default\n').and.include('    terminationMessagePath: /dev/termination-log\n')
    expect(sb.run(['get', 'pods,svc', '-l', 'run=web'])).to.deep.equal({stdout: '', stderr: 'No resources found in default namespace.\n', code: 0})
  })

  it('--expose creates a ClusterIP service selecting the pod, printed before the pod as kubectl does', () => {
    expect(sb.run(['run', 'web', '--image=nginx', '--port=8080', '--expose', '-l', 'app=web,tier=front'])).to.deep.equal(ok('service/web created\npod/web created\n'))
    expect(jsonpath('svc/web', '{.spec.type} {.spec.selector} {.spec.ports[0].port} {.spec.ports[0].targetPort} {.metadata.labels.app}')).to.equal('ClusterIP {"app":"web","tier":"front"} 8080 8080 web')
    expect(jsonpath('pod/web', '{.metadata.labels}')).to.equal('{"app":"web","tier":"front"}')
  })

  it('a service that cannot be created fails the command after the pod is printed', () => {
    expect(sb.run(['create', 'service', 'clusterip', 'web', '--tcp=80:80']).code).to.equal(0)
    expect(sb.run(['run', 'web', '--image=nginx', '--port=80', '--expose'])).to.deep.equal({stdout: 'pod/web created\n', stderr: 'Error from server (AlreadyExists): services "web" already exists\n', code: 1})
    expect(jsonpath('pod/web', '{.metadata.name}')).to.equal('web')
  })

  it('--save-config stores the object kubectl sent as the last-applied configuration', () => {
    expect(sb.run(['run', 'web', '--image=nginx', '--save-config', '--privileged'])).to.deep.equal(ok('pod/web created\n'))
    expect(jsonpath('pod/web', "{.metadata.annotations['kubectl\\.kubernetes\\.io/last-applied-configuration']}")).to.equal(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","labels":{"run":"web"}},"spec":{"containers":[{"name":"web","image":"nginx","resources":{},"securityContext":{"privileged":true}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    )
  })

  it('refuses to attach (-i, --attach, --rm) to a simulated container, and -t anywhere, before creating anything; --attach=false only creates the pod', () => {
    const noTty = fails('error: ksim cannot run -t: the process runtime gives a container no terminal; run -i without -t, or exec -it into a running pod\n')
    const simulated = fails(
      'error: ksim cannot attach to a simulated container: it runs no process; give the pod runtimeClassName: ksim-process (e.g. --overrides=\'{"spec":{"runtimeClassName":"ksim-process"}}\'), create the cluster with --runtime process, or add --attach=false to only create the pod\n',
    )
    expect(sb.run(['run', 'sh', '--image=busybox', '-i', '-t', '--restart=Never'])).to.deep.equal(noTty)
    expect(sb.run(['run', 'sh', '--image=busybox', '-it', '--rm'])).to.deep.equal(noTty)
    expect(sb.run(['run', 'sh', '--image=busybox', '-i', '--rm'])).to.deep.equal(simulated)
    expect(sb.run(['run', 'sh', '--image=busybox', '--attach'])).to.deep.equal(simulated)
    expect(sb.run(['get', 'pods'])).to.deep.include({stdout: ''})
    expect(sb.run(['run', 'sh', '--image=busybox', '-i', '-t', '--attach=false'])).to.deep.equal(ok('pod/sh created\n'))
    expect(jsonpath('pod/sh', '{.spec.containers[0].stdin} {.spec.containers[0].stdinOnce} {.spec.containers[0].tty}')).to.equal('true true true')
  })

  it('needs --image and exactly a NAME before --', () => {
    expect(sb.run(['run', 'web'])).to.deep.equal(fails('error: required flag(s) "image" not set\n'))
    expect(sb.run(['run', '--image=nginx', '--', 'web'])).to.deep.equal(fails("error: NAME is required for run\nSee 'ksim run -h' for help and examples\n"))
  })
})
