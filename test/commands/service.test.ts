import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: test
  labels:
    app: backend
spec:
  containers:
  - name: c
    image: busybox
    ports:
    - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
  - name: c
    image: busybox
`

describe('ksim create service, expose and get svc', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('creates a ClusterIP service with kubectl\'s port name, label and selector', () => {
    expect(sb.run(['create', 'service', 'clusterip', 'web', '--tcp=80:8080'])).to.deep.equal({stdout: 'service/web created\n', stderr: '', code: 0})
    const r = sb.run(['get', 'svc', 'web', '-o', 'jsonpath={.metadata.labels.app} {.spec.selector.app} {.spec.ports[0].name} {.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.type}'])
    expect(r.stdout).to.equal('web web 80-8080 80 8080 ClusterIP')
    const table = sb.run(['get', 'svc']).stdout.split('\n')
    expect(table[0]).to.match(/^NAME {9}TYPE {8}CLUSTER-IP +EXTERNAL-IP {3}PORT\(S\) {3}AGE$/)
    // the CLUSTER-IP column is as wide as the (random) allocated address
    expect(table[1]).to.match(/^kubernetes {3}ClusterIP {3}10\.96\.0\.1 +<none> {8}443\/TCP {3}\d+s$/)
    expect(table[2]).to.match(/^web {10}ClusterIP {3}10\.\d+\.\d+\.\d+ +<none> {8}80\/TCP {4}\d+s$/)
  })

  it('creates a NodePort service with the requested node port', () => {
    expect(sb.run(['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080'])).to.deep.equal({stdout: 'service/np created\n', stderr: '', code: 0})
    expect(sb.run(['get', 'svc', 'np', '-o', 'jsonpath={.spec.ports[0].nodePort}']).stdout).to.equal('30080')
    const r = sb.run(['create', 'service', 'nodeport', 'np2', '--tcp=81', '--node-port=30080'])
    expect(r).to.deep.equal({stdout: '', stderr: 'error: failed to create NodePort service: Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n', code: 1})
  })

  it('rejects bad port specifications and duplicate ports as kubectl does, creating nothing', () => {
    expect(sb.run(['create', 'service', 'clusterip', 'bad', '--tcp=70000'])).to.deep.equal({stdout: '', stderr: 'error: strconv.ParseUint: parsing "70000": value out of range\n', code: 1})
    expect(sb.run(['create', 'service', 'clusterip', 'none'])).to.deep.equal({stdout: '', stderr: 'error: at least one tcp port specifier must be provided\n', code: 1})
    expect(sb.run(['create', 'svc', 'clusterip', 'two', '--tcp', '80:80,443,443'])).to.deep.equal({
      stdout: '',
      stderr:
        'error: failed to create ClusterIP service: Service "two" is invalid: [spec.ports[2].name: Duplicate value: "443", spec.ports[2]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:443, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}]\n',
      code: 1,
    })
    expect(sb.run(['get', 'svc', '-o', 'name']).stdout).to.equal('service/kubernetes\n')
  })

  it('rejects a Service manifest with a port out of range with the API server\'s message', () => {
    const f = sb.write('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: big}\nspec:\n  selector: {app: big}\n  ports: [{port: 70000, targetPort: 80}]\n')
    expect(sb.run(['create', '-f', f])).to.deep.equal({stdout: '', stderr: 'The Service "big" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n', code: 1})
  })

  it('exposes a pod with its labels as selector and its container port, and explains a pod without labels', () => {
    sb.run(['create', '-f', sb.write('pods.yaml', POD)])
    expect(sb.run(['expose', 'pod', 'test'])).to.deep.equal({stdout: 'service/test exposed\n', stderr: '', code: 0})
    expect(sb.run(['get', 'svc', 'test', '-o', 'jsonpath={.metadata.labels.app} {.spec.selector.app} {.spec.ports[0].port} {.spec.ports[0].targetPort}']).stdout).to.equal('backend backend 8080 8080')
    expect(sb.run(['expose', 'pod', 'bare', '--port=80'])).to.deep.equal({
      stdout: '',
      stderr: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\nSee 'ksim expose -h' for help and examples\n",
      code: 1,
    })
    expect(sb.run(['expose', 'deployment', 'nope', '--port=80'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1})
  })

  it('exposes a deployment through its matchLabels, with --name, --target-port and --type', () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: httpd, labels: {app: httpd}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: httpd}}\n  template:\n    metadata: {labels: {app: httpd}}\n    spec: {containers: [{name: httpd, image: httpd}]}\n'
    sb.run(['create', '-f', sb.write('dep.yaml', dep)])
    expect(sb.run(['expose', 'deployment', 'httpd', '--port=80', '--target-port=8080', '--name=web', '--type=NodePort']).stdout).to.equal('service/web exposed\n')
    expect(sb.run(['get', 'svc', 'web', '-o', 'jsonpath={.spec.selector.app} {.spec.type} {.spec.ports[0].port} {.spec.ports[0].targetPort}']).stdout).to.equal('httpd NodePort 80 8080')
    expect(sb.run(['get', 'svc', 'web', '-o', 'wide']).stdout).to.match(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE +SELECTOR\nweb +NodePort +10\.[\d.]+ +<none> +80:3\d{4}\/TCP +\d+s +app=httpd\n$/)
    expect(sb.run(['expose', 'deployment', 'httpd'])).to.deep.equal({stdout: '', stderr: "error: couldn't find port via --port flag or introspection\nSee 'ksim expose -h' for help and examples\n", code: 1})
  })

  it('shows the kubernetes Service\'s endpoints and endpoint slice from the start', () => {
    const ep = sb.run(['get', 'ep'])
    expect(ep.stdout).to.match(/^NAME {9}ENDPOINTS {9}AGE\nkubernetes {3}172\.18\.0\.2:6443 {3}\d+s\n$/)
    // the API server's deprecation warning for v1 Endpoints (since v1.33), once per command
    expect(ep.stderr).to.equal('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')
    expect(sb.run(['get', 'endpointslices']).stderr).to.equal('')
    expect(sb.run(['get', 'endpointslices']).stdout).to.match(/^NAME {9}ADDRESSTYPE {3}PORTS {3}ENDPOINTS {4}AGE\nkubernetes {3}IPv4 {10}6443 {4}172\.18\.0\.2 {3}\d+s\n$/)
  })
})
