import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`

describe('ksim create', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('creates a pod from a file and prints kubectl\'s line', () => {
    const f = sb.write('pod.yaml', POD)
    expect(sb.run(['create', '-f', f])).to.deep.equal({stdout: 'pod/nginx created\n', stderr: '', code: 0})
    const r = sb.run(['get', 'pod', 'nginx', '-o', 'jsonpath={.metadata.name} {.status.phase} {.spec.restartPolicy} {.spec.terminationGracePeriodSeconds}'])
    expect(r.stdout).to.equal('nginx Pending Always 30')
  })

  it('reads stdin, multi-document files, List kinds and flow-style YAML', () => {
    const list = JSON.stringify({apiVersion: 'v1', kind: 'List', items: [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'a'}, data: {k: 'v'}}, {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'b'}}]})
    expect(sb.run(['create', '-f', '-'], {input: list}).stdout).to.equal('configmap/a created\nconfigmap/b created\n')
    const kyaml = sb.write('k.yaml', '---\n{\n  apiVersion: "v1",\n  kind: "Namespace",\n  metadata: {name: "flow", labels: {team: "x",},}, # comment\n}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: flow}\n')
    expect(sb.run(['create', '-f', kyaml])).to.deep.equal({stdout: 'namespace/flow created\nconfigmap/c created\n', stderr: '', code: 0})
  })

  it('walks a directory, and its subdirectories with -R', () => {
    sb.write('m/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n')
    sb.write('m/notes.txt', 'not a manifest')
    sb.write('m/sub/b.json', JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'b'}}))
    expect(sb.run(['create', '-f', `${sb.home}/m`]).stdout).to.equal('configmap/a created\n')
    expect(sb.run(['create', '-f', `${sb.home}/m/sub`, '-R']).stdout).to.equal('configmap/b created\n')
  })

  it('reports each failing document and exits 1, creating the others', () => {
    const f = sb.write('mixed.yaml', `${POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\n${POD}`)
    const r = sb.run(['create', '-f', f])
    expect(r.stdout).to.equal('pod/nginx created\nconfigmap/ok created\n')
    expect(r.stderr).to.equal(`Error from server (AlreadyExists): error when creating "${f}": pods "nginx" already exists\n`)
    expect(r.code).to.equal(1)
  })

  it('gives kubectl\'s messages for malformed YAML, missing kind, unknown kinds and bad names', () => {
    const yamlErr = sb.write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n')
    expect(sb.run(['create', '-f', yamlErr])).to.deep.include({
      stderr: `error: error parsing ${yamlErr}: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n`,
      code: 1,
    })
    const noKind = sb.write('nokind.yaml', 'metadata:\n  name: x\n')
    expect(sb.run(['create', '-f', noKind]).stderr).to.equal(
      `error: error validating "${noKind}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n`,
    )
    const foo = sb.write('foo.yaml', 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n')
    expect(sb.run(['create', '-f', foo]).stderr).to.equal(
      `error: resource mapping not found for name: "x" namespace: "" from "${foo}": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n`,
    )
    const bad = sb.write('badname.yaml', POD.replace('name: nginx\n  labels', 'name: MyPod\n  labels'))
    const r = sb.run(['create', '-f', bad])
    expect(r.stderr).to.equal(
      `The Pod "MyPod" is invalid: metadata.name: Invalid value: "MyPod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    )
    expect(r.code).to.equal(1)
    expect(sb.run(['get', 'pods']).stderr).to.equal('No resources found in default namespace.\n')
  })

  it('refuses a namespace that does not exist and a namespace that contradicts -n', () => {
    const f = sb.write('pod.yaml', POD.replace('metadata:\n', 'metadata:\n  namespace: nope\n'))
    expect(sb.run(['create', '-f', f]).stderr).to.equal(`Error from server (NotFound): error when creating "${f}": namespaces "nope" not found\n`)
    expect(sb.run(['create', '-f', f, '-n', 'default']).stderr).to.equal(
      `error: the namespace from the provided object "nope" does not match the namespace "default". You must pass '--namespace=nope' to perform this operation.\n`,
    )
  })

  it('generates names from generateName with Kubernetes\' alphabet', () => {
    const f = sb.write('gen.yaml', POD.replace('name: nginx\n  labels', 'generateName: web-\n  labels'))
    const r = sb.run(['create', '-f', f])
    expect(r.stdout).to.match(/^pod\/web-[bcdfghjklmnpqrstvwxz2456789]{5} created\n$/)
  })

  it('creates namespaces, config maps and secrets from flags', () => {
    expect(sb.run(['create', 'namespace', 'team-a']).stdout).to.equal('namespace/team-a created\n')
    expect(sb.run(['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=two', '-n', 'team-a']).stdout).to.equal('configmap/cfg created\n')
    expect(sb.run(['create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret']).stdout).to.equal('secret/pw created\n')
    expect(sb.run(['get', 'secret', 'pw', '-o', 'jsonpath={.data.password} {.type}']).stdout).to.equal('czNjcmV0 Opaque')
    expect(sb.run(['get', 'cm', 'cfg', '-n', 'team-a', '-o', 'jsonpath={.data}']).stdout).to.equal('{"a":"1","b":"two"}')
    expect(sb.run(['create', 'namespace', 'team-a'])).to.deep.include({stderr: 'Error from server (AlreadyExists): namespaces "team-a" already exists\n', code: 1})
    expect(sb.run(['create', 'configmap', 'x', '--from-literal=novalue'])).to.deep.include({stderr: 'error: invalid literal source novalue, expected key=value\n', code: 1})
  })

  it('prints without creating on --dry-run=client and validates on --dry-run=server', () => {
    const f = sb.write('pod.yaml', POD)
    expect(sb.run(['create', '-f', f, '--dry-run=client']).stdout).to.equal('pod/nginx created (dry run)\n')
    expect(sb.run(['create', '-f', f, '--dry-run=server']).stdout).to.equal('pod/nginx created (server dry run)\n')
    expect(sb.run(['get', 'pods']).stderr).to.equal('No resources found in default namespace.\n')
    expect(sb.run(['create', '-f', f, '-o', 'name']).stdout).to.equal('pod/nginx\n')
  })

  it('rejects a privileged pod in a namespace that enforces baseline', () => {
    sb.run(['create', 'namespace', 'secure'])
    const ns = sb.write('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: strict\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n')
    sb.run(['create', '-f', ns])
    const f = sb.write('priv.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: priv\n  namespace: strict\nspec:\n  containers:\n  - name: c\n    image: busybox\n    securityContext:\n      privileged: true\n')
    expect(sb.run(['create', '-f', f])).to.deep.include({
      stderr: `Error from server (Forbidden): error when creating "${f}": pods "priv" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)\n`,
      code: 1,
    })
  })

  it('prints a client dry run as kubectl 1.35.2 does: typed field order, no zero creationTimestamp, namespace only with -n', () => {
    // both outputs recorded from kubectl 1.35.2
    expect(sb.run(['create', 'configmap', 'c', '--from-literal=b=2', '--from-literal=a=1', '-n', 'team', '--dry-run=client', '-o', 'json'])).to.deep.equal({
      stdout: '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "c",\n        "namespace": "team"\n    },\n    "data": {\n        "a": "1",\n        "b": "2"\n    }\n}\n',
      stderr: '',
      code: 0,
    })
    expect(sb.run(['create', 'namespace', 'x', '--dry-run=client', '-o', 'yaml'])).to.deep.equal({stdout: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\nspec: {}\nstatus: {}\n', stderr: '', code: 0})
    expect(sb.run(['create', 'serviceaccount', 'x', '--dry-run=client', '-o', 'yaml']).stdout).to.equal('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n')
  })
})
