import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      initContainers:
      - {name: init, image: busybox}
      containers:
      - {name: web, image: nginx}
      - {name: side, image: redis}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
spec:
  replicas: 0
  selector:
    matchLabels: {app: rs}
  template:
    metadata:
      labels: {app: rs}
    spec:
      containers:
      - {name: web, image: nginx}
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - {name: web, image: nginx}
`

const TEMPLATE_IMAGES = '{.spec.template.spec.initContainers[*].image} {.spec.template.spec.containers[*].image}'

describe('ksim set image (API only)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', '-f', sb.write('app.yaml', APP)]).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  const images = (obj: string, path = TEMPLATE_IMAGES) => sb.run(['get', obj, '-o', `jsonpath=${path}`]).stdout
  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})
  const fails = (stderr: string, stdout = '') => ({stdout, stderr, code: 1})

  it('sets a container image by TYPE/NAME and TYPE NAME, and prints nothing when the image is already set', () => {
    expect(sb.run(['set', 'image', 'deployment/web', 'web=nginx:1.27'])).to.deep.equal(ok('deployment.apps/web image updated\n'))
    expect(images('deploy/web')).to.equal('busybox nginx:1.27 redis')
    expect(images('deploy/web', '{.metadata.generation}')).to.equal('2')
    expect(sb.run(['set', 'image', 'deploy', 'web', 'side=redis:7', 'init=busybox:1.36'])).to.deep.equal(ok('deployment.apps/web image updated\n'))
    expect(images('deploy/web')).to.equal('busybox:1.36 nginx:1.27 redis:7')
    const rv = images('deploy/web', '{.metadata.resourceVersion}')
    expect(sb.run(['set', 'image', 'deploy/web', 'web=nginx:1.27'])).to.deep.equal(ok(''))
    expect(images('deploy/web', '{.metadata.resourceVersion}')).to.equal(rv)
  })

  it('sets every container and init container with *', () => {
    expect(sb.run(['set', 'image', 'deploy/web', '*=alpine'])).to.deep.equal(ok('deployment.apps/web image updated\n'))
    expect(images('deploy/web')).to.equal('alpine alpine alpine')
  })

  it('updates several objects of several kinds, by --all, -l and -f', () => {
    expect(sb.run(['set', 'image', 'deploy/web', 'rs/rs', 'pod/p', 'web=nginx:2'])).to.deep.equal(
      ok('deployment.apps/web image updated\nreplicaset.apps/rs image updated\npod/p image updated\n'),
    )
    expect(images('pod/p', '{.spec.containers[0].image}')).to.equal('nginx:2')
    expect(images('rs/rs')).to.equal(' nginx:2')
    expect(sb.run(['set', 'image', 'deployments,replicasets', '--all', 'web=nginx:3'])).to.deep.equal(
      ok('deployment.apps/web image updated\nreplicaset.apps/rs image updated\n'),
    )
    expect(sb.run(['set', 'image', 'deploy,rs', '-l', 'app=web', 'web=nginx:4'])).to.deep.equal(ok('deployment.apps/web image updated\n'))
    expect(images('deploy/web')).to.equal('busybox nginx:4 redis')
    // --all beside a name changes only that object, as in kubectl
    expect(sb.run(['set', 'image', 'deploy', 'web', '--all', 'web=nginx:5'])).to.deep.equal(ok('deployment.apps/web image updated\n'))
    const file = sb.write('only.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: web, image: ignored}]}\n')
    expect(sb.run(['set', 'image', '-f', file, 'web=nginx:6'])).to.deep.equal(ok('pod/p image updated\n'))
    expect(images('pod/p', '{.spec.containers[0].image}')).to.equal('nginx:6')
  })

  it('works in the namespace given by -n', () => {
    sb.run(['create', 'namespace', 'team'])
    sb.run(['create', 'deployment', 'api', '--image=nginx', '-n', 'team'])
    expect(sb.run(['set', 'image', 'deploy/api', 'nginx=nginx:2'])).to.deep.equal(fails('Error from server (NotFound): deployments.apps "api" not found\n'))
    expect(sb.run(['set', 'image', 'deploy/api', 'nginx=nginx:2', '-n', 'team'])).to.deep.equal(ok('deployment.apps/api image updated\n'))
    expect(sb.run(['get', 'deploy/api', '-n', 'team', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']).stdout).to.equal('nginx:2')
  })

  it('stores nothing with --dry-run, and prints the object or its name with -o', () => {
    expect(sb.run(['set', 'image', 'deploy/web', 'web=a', '--dry-run=client'])).to.deep.equal(ok('deployment.apps/web image updated (dry run)\n'))
    expect(sb.run(['set', 'image', 'deploy/web', 'web=a', '--dry-run=server'])).to.deep.equal(ok('deployment.apps/web image updated (server dry run)\n'))
    expect(images('deploy/web')).to.equal('busybox nginx redis')
    expect(sb.run(['set', 'image', 'pod/p', 'deploy/web', 'web=b', '-o', 'name'])).to.deep.equal(ok('pod/p\ndeployment.apps/web\n'))
    const yaml = sb.run(['set', 'image', 'pod/p', 'rs/rs', 'web=c', '-o', 'yaml'])
    expect(yaml.code).to.equal(0)
    expect(yaml.stdout).to.match(/^apiVersion: v1\nkind: Pod\n[^]*- image: c\n[^]*\n---\napiVersion: apps\/v1\nkind: ReplicaSet\n[^]*- image: c\n/)
    const json = JSON.parse(sb.run(['set', 'image', 'pod/p', 'web=d', '-o', 'json', '--dry-run=client']).stdout) as {spec: {containers: {image: string}[]}}
    expect(json.spec.containers[0].image).to.equal('d')
    expect(images('pod/p', '{.spec.containers[0].image}')).to.equal('c')
  })

  it('prints a file changed locally with --local, without touching the cluster', () => {
    const file = sb.write('app.yaml', APP)
    const r = sb.run(['set', 'image', '-f', file, '--local', 'web=local', '-o', 'name'])
    expect(r).to.deep.equal(fails('error: service/svc the object is not a pod or does not have a pod template: *v1.Service\n', 'deployment.apps/web\nreplicaset.apps/rs\npod/p\n'))
    expect(images('deploy/web')).to.equal('busybox nginx redis')
    expect(sb.run(['set', 'image', 'deploy/web', '--local', 'web=x'])).to.deep.equal(
      fails("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"),
    )
    expect(sb.run(['set', 'image', '-f', file, '--local', '--dry-run=server', 'web=x'])).to.deep.equal(
      fails('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n'),
    )
  })

  it("names the containers it cannot find, after updating what it could", () => {
    expect(sb.run(['set', 'image', 'deploy/web', 'nope=x'])).to.deep.equal(fails('error: unable to find container named "nope"\n'))
    expect(sb.run(['set', 'image', 'deploy/web', 'pod/p', 'side=redis:7', 'nope=x'])).to.deep.equal(
      fails('error: unable to find container named "nope"\nerror: unable to find container named "side"\nerror: unable to find container named "nope"\n', 'deployment.apps/web image updated\n'),
    )
    expect(images('deploy/web')).to.equal('busybox nginx redis:7')
  })

  it('refuses objects without a pod template, and pod updates the API refuses', () => {
    expect(sb.run(['set', 'image', 'svc/svc', 'web=x'])).to.deep.equal(fails('error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n'))
    expect(sb.run(['set', 'image', 'pod/p', 'web='])).to.deep.equal(
      fails('error: failed to patch image update to pod template: Pod "p" is invalid: spec.containers[0].image: Required value\n'),
    )
    expect(sb.run(['set', 'image', 'svc/svc', 'pod/p', 'web=nginx:9'])).to.deep.equal(
      fails('error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n', 'pod/p image updated\n'),
    )
    // several errors are printed one per line, this one with the blank line its message ends with
    expect(sb.run(['set', 'image', 'svc/svc', 'pod/p', 'nope=x'])).to.deep.equal(
      fails('error: unable to find container named "nope"\nerror: services/svc the object is not a pod or does not have a pod template: *v1.Service\n\n'),
    )
    expect(images('pod/p', '{.spec.containers[0].image}')).to.equal('nginx:9')
  })

  it('changes nothing when any named object is missing, and reports each', () => {
    expect(sb.run(['set', 'image', 'deploy/web', 'deploy/a', 'deploy/b', 'web=x'])).to.deep.equal(
      fails('Error from server (NotFound): deployments.apps "a" not found\nError from server (NotFound): deployments.apps "b" not found\n'),
    )
    expect(images('deploy/web')).to.equal('busybox nginx redis')
    expect(sb.run(['set', 'image', 'foos/x', 'web=x'])).to.deep.equal(fails('error: the server doesn\'t have a resource type "foos"\n'))
  })

  it('checks its arguments with kubectl\'s messages', () => {
    const missing = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"
    expect(sb.run(['set', 'image'])).to.deep.equal(fails(missing))
    expect(sb.run(['set', 'image', 'web=x'])).to.deep.equal(fails(missing))
    expect(sb.run(['set', 'image', 'deploy/web'])).to.deep.equal(fails('error: at least one image update is required\n'))
    expect(sb.run(['set', 'image', 'deploy', 'web=x'])).to.deep.equal(fails('error: resource(s) were provided, but no name was specified\n'))
    expect(sb.run(['set', 'image', 'deploy', 'web', '-l', 'app=web', 'web=x'])).to.deep.equal(fails('error: name cannot be provided when a selector is specified\n'))
    expect(sb.run(['set', 'image', 'deploy/web', '-l', 'app=web', 'web=x'])).to.deep.equal(
      fails('error: selectors and the all flag cannot be used when passing resource/name arguments\n'),
    )
    expect(sb.run(['set', 'image', 'deploy', '--all', '-l', 'app=web', 'web=x'])).to.deep.equal(fails('error: cannot set --all and --selector at the same time\n'))
    expect(sb.run(['set', 'image', 'deploy', '--all', '-l', 'app=web'])).to.deep.equal(
      fails('cannot set --all and --selector at the same time\nat least one image update is required\n'),
    )
    expect(sb.run(['set', 'image', 'deploy/web', '*=x', 'web=y'])).to.deep.equal(
      fails('error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n'),
    )
    expect(sb.run(['set', 'image', 'deploy/web', 'web=x', 'pod/p'])).to.deep.equal(fails('error: all resources must be specified before image changes: pod/p\n'))
    expect(sb.run(['set', 'image', 'deploy/web', 'web-'])).to.deep.equal(fails('error: invalid image format: web-\n'))
    expect(sb.run(['set', 'image', '-f', sb.write('p.yaml', APP), 'deploy/web', 'web=x'])).to.deep.equal(
      fails('error: resource/name arguments cannot be provided when a path is specified\n'),
    )
    expect(images('deploy/web')).to.equal('busybox nginx redis')
  })

  it('is listed under ksim set', () => {
    expect(sb.run(['set', '--help']).stdout).to.equal('Set specific features on objects\n\nUSAGE\n  $ ksim set COMMAND\n\nCOMMANDS\n  set env             Update environment variables on a pod template\n  set image           Update the image of a pod template\n  set resources       Update resource requests/limits on objects with pod\n                      templates\n  set sa              Update the service account of a resource\n  set selector        Set the selector on a resource\n  set serviceaccount  Update the service account of a resource\n  set subject         Update the user, group, or service account in a role\n                      binding or cluster role binding\n\n')
  })
})
