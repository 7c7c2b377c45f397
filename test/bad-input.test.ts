// A corpus of bad manifests and bad flag combinations across the commands: each fails as kubectl fails
// (its exact error on stderr, nothing on stdout, exit 1) and leaves the cluster exactly as it was: every
// stored object, the revision, the change log and the config compared before and after, so a half-written
// object or a bumped revision shows.
import Database from 'better-sqlite3'
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from './helpers/cli.js'

interface Case {
  args: string[]
  stderr: string
  input?: string
}

const pod = (name: string, extra = '', container = 'app') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: {app: ${name}}\nspec:\n  containers:\n  - name: ${container}\n    image: nginx\n${extra}`

/** The manifests the cases use, written into the sandbox (commands run there, so messages show these names). */
const FILES: Record<string, string> = {
  'pod.yaml': pod('x'),
  'bad.yaml': 'a: b: c\n',
  'flow.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n',
  'indent.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    a: b\n   c: d\n',
  'tab.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
  'widget.yaml': 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n',
  'badname.yaml': pod('Bad_Name'),
  'badqty.yaml': pod('q', '    resources:\n      limits:\n        cpu: lots\n'),
  'badport.yaml': pod('pp', '    ports:\n    - containerPort: 70000\n'),
  'badsvc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: sp\nspec:\n  ports:\n  - port: 0\n',
  'nons.yaml': pod('ns').replace('metadata:\n', 'metadata:\n  namespace: nope\n'),
  'unknownfield.yaml': pod('uf', '    bogus: 1\n'),
  'noversion.yaml': 'kind: Pod\nmetadata:\n  name: nv\n',
  'noname.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n',
  'noname-deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  namespace: work\n',
  'deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
  'deploy-selector.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: other}\n  template:\n    metadata:\n      labels: {app: other}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
  'frozen.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frozen\nimmutable: true\ndata:\n  a: "1"\n',
  'frozen-changed.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frozen\nimmutable: true\ndata:\n  a: "2"\n',
  'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  selector: {app: x}\n  ports:\n  - port: 80\n',
  'svc-ip.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  clusterIP: 10.96.200.200\n  selector: {app: x}\n  ports:\n  - port: 80\n',
  'bare.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: app\n    image: nginx\n',
  // size limits: an alias bomb (go-yaml's aliasing limit), data over 1 MiB, a body over 3 MiB, a file too big to read
  'bomb.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${'bcdefghi'
    .split('')
    .map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]\n`)
    .join('')}`,
  'big-cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: ${'x'.repeat(1_500_000)}\n`,
  'big-secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: big\nstringData:\n  a: ${'x'.repeat(1_500_000)}\n`,
  'big-body.json': JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'big'}, data: {a: 'x'.repeat(4_000_000)}}),
  'huge.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  a: ${'x'.repeat(7_000_000)}\n`,
  'data-2m.txt': 'x'.repeat(2_000_000),
  'data-4m.txt': 'x'.repeat(4_000_000),
}

/** Manifests that are not valid UTF-8, written byte for byte. */
const BYTE_FILES: Record<string, Buffer> = {
  'latin1.yaml': Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l1\ndata:\n  a: caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
  'cut.yaml': Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cut\ndata:\n  a: '), Buffer.from([0xe2, 0x82])]),
}

const TOO_LARGE = (source: string) => `Error from server (RequestEntityTooLarge): error when creating "${source}": Request entity too large: limit is 3145728\n`

const RESOURCE_ARGS = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"
const CONFLICT = (resource: string, name: string) =>
  `Error from server (Conflict): Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again\n`
const PARSE = (file: string, msg: string) => `error: error parsing ${file}: error converting YAML to JSON: yaml: ${msg}\n`
const BAD_INT = (flag: string, value: string, command: string) =>
  `error: invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax\nSee 'ksim ${command} --help' for usage.\n`

const CASES: Case[] = [
  // create -f
  {args: ['create', '-f', 'bad.yaml'], stderr: PARSE('bad.yaml', 'mapping values are not allowed in this context')},
  {args: ['create', '-f', 'flow.yaml'], stderr: PARSE('flow.yaml', "line 3: did not find expected ',' or ']'")},
  {args: ['create', '-f', 'indent.yaml'], stderr: PARSE('indent.yaml', 'line 6: did not find expected key')},
  {args: ['create', '-f', 'tab.yaml'], stderr: PARSE('tab.yaml', 'line 4: found character that cannot start any token')},
  {args: ['create', '-f', '-'], input: 'kind: [\n', stderr: "error: error parsing STDIN: error converting YAML to JSON: yaml: line 1: did not find expected node content\n"},
  {args: ['create', '-f', 'widget.yaml'], stderr: 'error: resource mapping not found for name: "w" namespace: "" from "widget.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n'},
  {
    args: ['create', '-f', 'badname.yaml'],
    stderr:
      "The Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
  },
  {args: ['create', '-f', 'missing.yaml'], stderr: 'error: the path "missing.yaml" does not exist\n'},
  {
    args: ['create', '-f', 'badqty.yaml'],
    stderr:
      "Error from server (BadRequest): error when creating \"badqty.yaml\": Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n",
  },
  {args: ['create', '-f', 'badport.yaml'], stderr: 'The Pod "pp" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n'},
  {
    args: ['create', '-f', 'badsvc.yaml'],
    stderr: 'The Service "sp" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
  },
  {args: ['create', '-f', 'nons.yaml'], stderr: 'Error from server (NotFound): error when creating "nons.yaml": namespaces "nope" not found\n'},
  {args: ['create', '-f', 'pod.yaml'], stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "x" already exists\n'},
  {
    args: ['create', '-f', 'unknownfield.yaml'],
    stderr: 'Error from server (BadRequest): error when creating "unknownfield.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].bogus"\n',
  },
  {
    args: ['create', '-f', 'noversion.yaml'],
    stderr: 'error: error validating "noversion.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  {args: ['create', '-f', 'pod.yaml', '--dry-run=bogus'], stderr: 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'},
  {args: ['create', '-f', 'pod.yaml', '-o', 'bogus'], stderr: 'error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml\n'},
  // create <generator>
  {
    args: ['create', 'namespace', 'Bad'],
    stderr:
      "The Namespace \"Bad\" is invalid: metadata.name: Invalid value: \"Bad\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n",
  },
  {args: ['create', 'namespace', 'work'], stderr: 'Error from server (AlreadyExists): namespaces "work" already exists\n'},
  {args: ['create', 'namespace'], stderr: "error: exactly one NAME is required, got 0\nSee 'ksim create namespace -h' for help and examples\n"},
  {args: ['create', 'deployment', 'd'], stderr: 'error: required flag(s) "image" not set\n'},
  {args: ['create', 'deployment'], stderr: 'error: required flag(s) "image" not set\n'},
  {args: ['create', 'deployment', 'd', '--image=nginx', '--replicas=-1'], stderr: 'The Deployment "d" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'},
  {args: ['create', 'deployment', 'd', '--image=nginx', '--port=abc'], stderr: BAD_INT('--port', 'abc', 'create deployment')},
  {args: ['create', 'deployment', 'd', '--image=nginx', '-r', 'two'], stderr: BAD_INT('-r, --replicas', 'two', 'create deployment')},
  {args: ['create', 'deployment', 'web', '--image=nginx'], stderr: 'Error from server (AlreadyExists): deployments.apps "web" already exists\n'},
  {args: ['create', 'service', 'clusterip', 's', '--tcp=abc'], stderr: 'error: strconv.ParseUint: parsing "abc": invalid syntax\n'},
  {
    args: ['create', 'service', 'nodeport', 's', '--tcp=80:80', '--node-port=99999'],
    stderr: 'error: failed to create NodePort service: Service "s" is invalid: spec.ports[0].nodePort: Invalid value: 99999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
  },
  {
    args: ['create', 'service', 'clusterip', 's', '--tcp=80:80', '--clusterip=bogus'],
    stderr: 'error: failed to create ClusterIP service: Service "s" is invalid: spec.clusterIPs[0]: Invalid value: "bogus": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
  },
  {args: ['create', 'secret', 'generic', 's', '--from-literal=bad'], stderr: 'error: invalid literal source bad, expected key=value\n'},
  {args: ['create', 'secret', 'generic', 's', '--from-file=/nonexistent/key'], stderr: 'error: error reading /nonexistent/key: no such file or directory\n'},
  {args: ['create', 'configmap', 'c2', '--from-literal=a=1', '--from-literal=a=2'], stderr: 'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c2"\n'},
  {
    args: ['create', 'configmap', 'c3', '--from-literal=bad key=1'],
    stderr:
      "error: failed to create configmap: ConfigMap \"c3\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
  },
  {args: ['create', 'configmap', 'frozen', '--from-literal=a=b'], stderr: 'error: failed to create configmap: configmaps "frozen" already exists\n'},
  {args: ['create', 'configmap', 'c4', '--from-literal=a=b', '--dry-run=maybe'], stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'},
  // size limits, each with the API server's or go-yaml's words
  {args: ['create', '-f', 'bomb.yaml'], stderr: PARSE('bomb.yaml', 'document contains excessive aliasing')},
  // go-yaml's own refusals: an anchor holding an alias of itself, bytes that are not UTF-8
  {args: ['create', '-f', '-'], input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: loop\n  labels: *m\n', stderr: PARSE('STDIN', "anchor 'm' value contains itself")},
  {args: ['apply', '-f', 'latin1.yaml'], stderr: PARSE('latin1.yaml', 'invalid trailing UTF-8 octet')},
  {args: ['create', '-f', 'cut.yaml'], stderr: PARSE('cut.yaml', 'incomplete UTF-8 octet sequence')},
  {args: ['apply', '-f', 'bomb.yaml'], stderr: PARSE('bomb.yaml', 'document contains excessive aliasing')},
  {args: ['create', '-f', 'big-cm.yaml'], stderr: 'The ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes\n'},
  {args: ['create', '-f', 'big-secret.yaml'], stderr: 'The Secret "big" is invalid: data: Too long: may not be more than 1048576 bytes\n'},
  {args: ['create', '-f', 'big-body.json'], stderr: TOO_LARGE('big-body.json')},
  {args: ['create', '-f', 'huge.yaml'], stderr: TOO_LARGE('huge.yaml')},
  {args: ['create', '-f', '/dev/zero'], stderr: TOO_LARGE('/dev/zero')},
  {args: ['apply', '-f', '/dev/zero'], stderr: TOO_LARGE('/dev/zero')},
  {args: ['create', '-f', '-'], input: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: ${'x'.repeat(7_000_000)}\n`, stderr: TOO_LARGE('STDIN')},
  {args: ['create', 'configmap', 'big', '--from-file=data-2m.txt'], stderr: 'error: failed to create configmap: ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes\n'},
  {args: ['create', 'secret', 'generic', 'big', '--from-file=data-2m.txt'], stderr: 'error: failed to create secret Secret "big" is invalid: data: Too long: may not be more than 1048576 bytes\n'},
  {args: ['create', 'configmap', 'big', '--from-file=data-4m.txt'], stderr: 'error: failed to create configmap: Request entity too large: limit is 3145728\n'},
  {args: ['create', 'configmap', 'big', '--from-file=/dev/zero'], stderr: 'error: failed to create configmap: Request entity too large: limit is 3145728\n'},
  // apply: bad input and immutable fields
  {args: ['apply'], stderr: 'error: must specify -f\n'},
  {args: ['apply', '-f', 'bad.yaml'], stderr: PARSE('bad.yaml', 'mapping values are not allowed in this context')},
  {
    args: ['apply', '-f', 'deploy-selector.yaml'],
    stderr:
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
  },
  {
    args: ['apply', '-f', 'frozen-changed.yaml'],
    stderr: 'The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set\n',
  },
  {
    args: ['apply', '-f', 'svc-ip.yaml'],
    stderr: 'The Service "svc" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.200.200"]: may not change once set\n',
  },
  {
    args: ['apply', '-f', 'noname.yaml'],
    stderr:
      'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "default"\nfrom server for: "noname.yaml": resource name may not be empty\n',
  },
  {
    args: ['apply', '-f', 'noname-deploy.yaml'],
    stderr:
      'error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "", Namespace: "work"\nfrom server for: "noname-deploy.yaml": resource name may not be empty\n',
  },
  {args: ['apply', '-f', 'pod.yaml', '--dry-run=bogus'], stderr: 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'},
  {args: ['apply', '-f', 'pod.yaml', '-o', 'wide'], stderr: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml\n'},
  {args: ['apply', '-f', 'pod.yaml', '--validate=bogus'], stderr: 'error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n'},
  // delete
  {args: ['delete'], stderr: `${RESOURCE_ARGS}See 'ksim delete -h' for help and examples\n`},
  {args: ['delete', 'pod', 'nope'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
  {args: ['delete', 'pods', '--all', '-l', 'a=b'], stderr: "error: setting 'all' parameter but found a non empty selector. \n"},
  {args: ['delete', 'pod', 'x', '--grace-period=5', '--now'], stderr: 'error: --now and --grace-period cannot be specified together\n'},
  {args: ['delete', 'pod', 'x', '--force', '--grace-period=5'], stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n'},
  {args: ['delete', 'pod', 'x', '-o', 'yaml'], stderr: "error: unexpected -o output mode: yaml. We only support '-o name'\n"},
  {args: ['delete', 'pod', 'x', '--cascade=bogus'], stderr: 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n'},
  {args: ['delete', 'pod', 'x', '--grace-period=soon'], stderr: BAD_INT('--grace-period', 'soon', 'delete')},
  {args: ['delete', 'pod', 'x', '--timeout=forever'], stderr: "error: invalid argument \"forever\" for \"--timeout\" flag: time: invalid duration \"forever\"\nSee 'ksim delete --help' for usage.\n"},
  {args: ['delete', 'widgets', 'w'], stderr: 'error: the server doesn\'t have a resource type "widgets"\n'},
  {args: ['delete', 'namespace', 'default'], stderr: 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n'},
  {args: ['delete', '-f', 'missing.yaml'], stderr: 'error: the path "missing.yaml" does not exist\n'},
  // get
  {args: ['get', 'widgets'], stderr: 'error: the server doesn\'t have a resource type "widgets"\n'},
  {
    args: ['get', 'pods', '-o', 'bogus'],
    stderr: 'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
  },
  {args: ['get', 'pod', 'nope'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
  {
    args: ['get', 'pods', '-l', '!!'],
    stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "!!", field selector "": unable to parse requirement: found \'!\', expected: identifier\n',
  },
  {
    args: ['get', 'pods', '--field-selector=bogus'],
    stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus": invalid selector: \'bogus\'; can\'t understand \'bogus\'\n',
  },
  {
    args: ['get', 'pods', '--sort-by={.metadata.name'],
    stderr: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
  },
  {args: ['get', 'pods', '-o', 'jsonpath={.items['], stderr: 'error: error parsing jsonpath {.items[, unterminated array\n'},
  {args: ['get', 'pods', '--watch=maybe'], stderr: "error: invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'ksim get --help' for usage.\n"},
  {args: ['delete', 'pod', 'x', '--wait=no'], stderr: "error: invalid argument \"no\" for \"--wait\" flag: strconv.ParseBool: parsing \"no\": invalid syntax\nSee 'ksim delete --help' for usage.\n"},
  {args: ['get', 'pods', '--bogus-flag'], stderr: "error: unknown flag: --bogus-flag\nSee 'ksim get --help' for usage.\n"},
  {args: ['get', 'pods', '-z'], stderr: "error: unknown shorthand flag: 'z' in -z\nSee 'ksim get --help' for usage.\n"},
  {args: ['get', 'pods', '--output'], stderr: "error: flag needs an argument: --output\nSee 'ksim get --help' for usage.\n"},
  {args: ['get', 'pods', '-n'], stderr: "error: flag needs an argument: 'n' in -n\nSee 'ksim get --help' for usage.\n"},
  {
    args: ['get'],
    stderr:
      'You must specify the type of resource to get. Use "ksim api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'ksim get -h\' for help and examples\n',
  },
  {args: ['get', 'pods', '--context', 'nope'], stderr: 'error: context was not found for specified context: nope\n'},
  // label and annotate
  {args: ['label', 'pod', 'nope', 'a=b'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
  {args: ['label', 'pod', 'x', 'a=b=c'], stderr: 'error: invalid label spec: a=b=c\n'},
  {
    args: ['label', 'pod', 'x', 'a=@@'],
    stderr:
      "error: invalid label value: \"a=@@\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
  },
  {args: ['label', 'pod', 'x', 'app=other'], stderr: "error: 'app' already has a value (x), and --overwrite is false\n"},
  {args: ['label', 'pod', 'x', 'a=b', 'a-'], stderr: 'error: can not both modify and remove a label in the same command\n'},
  {args: ['label', 'pods', '--all', '-l', 'a=b', 'x=y'], stderr: 'error: cannot set --all and --selector at the same time\n'},
  {args: ['label', 'pod', 'x'], stderr: 'error: at least one label update is required\n'},
  {
    args: ['label', 'pod', 'x', 'bad key=v'],
    stderr:
      "The Pod \"x\" is invalid: metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n",
  },
  {args: ['label', 'pod', 'x', 'a=b', '--resource-version=1'], stderr: CONFLICT('pods', 'x')},
  {args: ['annotate', 'pod', 'x', 'note'], stderr: 'error: at least one annotation update is required\n'},
  {args: ['annotate', 'configmap', 'frozen', 'a=b', '--resource-version=1'], stderr: CONFLICT('configmaps', 'frozen')},
  {args: ['annotate', 'pods', '--all', '-l', 'a=b', 'x=y'], stderr: 'error: cannot set --all and --selector at the same time\n'},
  // scale
  {args: ['scale', 'deployment', 'web'], stderr: 'error: required flag(s) "replicas" not set\n'},
  {args: ['scale', 'deployment', 'web', '--replicas=-1'], stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'},
  {args: ['scale', 'deployment', 'web', '--replicas=abc'], stderr: BAD_INT('--replicas', 'abc', 'scale')},
  {args: ['scale', 'deployment', 'nope', '--replicas=2'], stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n'},
  {args: ['scale', 'pod', 'x', '--replicas=2'], stderr: 'Error from server (NotFound): the server could not find the requested resource\n'},
  {args: ['scale', 'deployment', 'web', '--replicas=3', '--current-replicas=5'], stderr: 'error: Expected replicas to be 5, was 1\n'},
  {args: ['scale', '--replicas=2'], stderr: `${RESOURCE_ARGS}See 'ksim scale -h' for help and examples\n`},
  // expose
  {args: ['expose', 'pod', 'bare', '--port=80'], stderr: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\nSee 'ksim expose -h' for help and examples\n"},
  {args: ['expose', 'deployment', 'nope', '--port=80'], stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n'},
  {args: ['expose', 'configmap', 'frozen', '--port=80'], stderr: 'error: cannot expose a ConfigMap\n'},
  {
    args: ['expose', 'pod', 'x', '--port=99999'],
    stderr: 'The Service "x" is invalid: \n* spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n',
  },
  {args: ['expose'], stderr: `${RESOURCE_ARGS}See 'ksim expose -h' for help and examples\n`},
  // nodes
  {args: ['cordon', 'nope'], stderr: 'Error from server (NotFound): nodes "nope" not found\n'},
  {args: ['cordon'], stderr: "error: USAGE: cordon NODE [flags]\nSee 'ksim cordon -h' for help and examples\n"},
  {args: ['uncordon', 'nope'], stderr: 'Error from server (NotFound): nodes "nope" not found\n'},
  {args: ['drain', 'nope'], stderr: 'Error from server (NotFound): nodes "nope" not found\n'},
  {args: ['drain'], stderr: "error: USAGE: drain NODE [flags]\nSee 'ksim drain -h' for help and examples\n"},
  {args: ['drain', 'ksim-worker', '--grace-period=abc'], stderr: BAD_INT('--grace-period', 'abc', 'drain')},
  {args: ['node', 'stop', 'nope'], stderr: 'Error from server (NotFound): nodes "nope" not found\n'},
  {args: ['node', 'start', 'nope'], stderr: 'Error from server (NotFound): nodes "nope" not found\n'},
  // clusters and contexts
  {
    args: ['cluster', 'create', 'Bad_Name'],
    stderr: `error: invalid cluster name "Bad_Name": must be lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 40 characters\n`,
  },
  {args: ['cluster', 'create', 'ksim'], stderr: 'error: cluster "ksim" already exists\n'},
  {args: ['cluster', 'create', 'small', '--nodes=0'], stderr: "error: invalid argument \"0\" for \"--nodes\" flag: expected an integer greater than or equal to 1\nSee 'ksim cluster create --help' for usage.\n"},
  {args: ['cluster', 'delete', 'nope'], stderr: 'error: cluster "nope" not found\n'},
  {args: ['cluster', 'use', 'nope'], stderr: 'error: cluster "nope" not found\n'},
  {args: ['config', 'use-context', 'nope'], stderr: 'error: no context exists with the name: "nope"\n'},
  // wait and describe
  {args: ['wait', '--for=bogus', 'pod/x'], stderr: 'error: unrecognized condition: "bogus"\n'},
  {args: ['wait', 'pod/x'], stderr: "error: --for must be specified\nSee 'ksim wait -h' for help and examples\n"},
  {args: ['wait', 'pod/x', '--for=jsonpath={.status'], stderr: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n"},
  {args: ['wait', 'pod/x', '--for=jsonpath={.status.phase}='], stderr: "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n"},
  {args: ['wait', 'pod/nope', '--for=condition=Ready', '--timeout=1s'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
  {args: ['describe'], stderr: 'error: You must specify the type of resource to describe. Use "ksim api-resources" for a complete list of supported resources.\n'},
  {args: ['describe', 'pod', 'nope'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
]

/** Everything a command could change: every stored object, the meta rows (revision), the change log, the config. */
function exportState(home: string): string {
  const db = new Database(path.join(home, 'clusters', 'ksim', 'state.db'), {readonly: true, fileMustExist: true})
  try {
    const read = db.transaction(() => ({
      meta: db.prepare('SELECT * FROM meta ORDER BY key').all(),
      objects: db.prepare('SELECT * FROM objects ORDER BY kind, namespace, name').all(),
      changes: db.prepare('SELECT * FROM changes ORDER BY rev').all(),
    }))
    const clusters = fs.readdirSync(path.join(home, 'clusters')).sort()
    // and the state file's bytes themselves (with its WAL, if one is left)
    const dir = path.join(home, 'clusters', 'ksim')
    const bytes = ['state.db', 'state.db-wal'].map((f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)).toString('base64') : ''))
    return JSON.stringify({...read.deferred(), clusters, config: fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8'), bytes})
  } finally {
    db.close()
  }
}

describe('bad input leaves the cluster untouched', function () {
  this.timeout(300_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-bad-input-', {KSIM_NO_RECONCILER: '1'})
    for (const [name, text] of Object.entries(FILES)) sb.write(name, text)
    for (const [name, bytes] of Object.entries(BYTE_FILES)) fs.writeFileSync(path.join(sb.home, name), bytes)
    for (const args of [
      ['apply', '-f', 'pod.yaml'],
      ['apply', '-f', 'deploy.yaml'],
      ['apply', '-f', 'frozen.yaml'],
      ['apply', '-f', 'svc.yaml'],
      ['create', '-f', 'bare.yaml'],
      ['create', 'namespace', 'work'],
    ]) {
      expect(sb.run(args), args.join(' ')).to.deep.include({stderr: '', code: 0})
    }
  })
  after(() => sb.cleanup())

  it(`has at least 50 cases (${CASES.length})`, () => expect(CASES.length).to.be.at.least(50))

  for (const c of CASES) {
    it(`ksim ${c.args.join(' ')}`, () => {
      const before = exportState(sb.home)
      const r = sb.run(c.args, {input: c.input})
      expect(r).to.deep.equal({stdout: '', stderr: c.stderr, code: 1})
      expect(exportState(sb.home) === before, 'the state changed').to.equal(true)
    })
  }
})

describe('a broken or busy state file is refused and left as it was', function () {
  this.timeout(120_000)
  let sb: Sandbox
  let file: string
  beforeEach(() => {
    sb = new Sandbox('ksim-bad-state-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', 'configmap', 'keep', '--from-literal=a=b']).code).to.equal(0)
    file = path.join(sb.home, 'clusters', 'ksim', 'state.db')
  })
  afterEach(() => sb.cleanup())

  it('a corrupt file: every command fails with its name, and not one byte changes', () => {
    fs.writeFileSync(file, 'not sqlite at all '.repeat(300))
    const bytes = fs.readFileSync(file)
    for (const args of [['get', 'pods'], ['create', 'configmap', 'x', '--from-literal=a=b'], ['delete', 'configmap', 'keep'], ['label', 'configmap', 'keep', 'a=b']]) {
      expect(sb.run(args), args.join(' ')).to.deep.equal({stdout: '', stderr: `error: state file ${file} is corrupt or not a ksim state file (file is not a database)\nTo start again, restore the file from a backup or delete the cluster: ksim cluster delete ksim\n`, code: 1})
    }
    expect(fs.readFileSync(file).equals(bytes)).to.equal(true)
    // beside the state only the cluster CA's certificate and key, made with the cluster (ksim serve issues from them)
    expect(fs.readdirSync(path.dirname(file))).to.deep.equal(['ca.crt', 'ca.key', 'state.db'])
  })

  it("another program's SQLite file is not taken over", () => {
    fs.rmSync(file)
    const db = new Database(file)
    db.exec('CREATE TABLE notes (x TEXT)')
    db.close()
    const bytes = fs.readFileSync(file)
    expect(sb.run(['create', 'configmap', 'x', '--from-literal=a=b'])).to.deep.equal({
      stdout: '',
      stderr: `error: state file ${file} is not a ksim state file (it holds tables notes and no schema version)\n`,
      code: 1,
    })
    expect(fs.readFileSync(file).equals(bytes)).to.equal(true)
  })

  it('a file another process holds locked: the write gives up after the busy timeout and writes nothing', () => {
    const before = exportState(sb.home)
    const holder = new Database(file)
    holder.exec('BEGIN EXCLUSIVE')
    let r
    try {
      r = sb.run(['create', 'configmap', 'x', '--from-literal=a=b'])
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    // the holder (this test process) is named from /proc/locks on Linux
    const who = process.platform === 'linux' ? `pid ${process.pid} \\(.*\\)` : 'another process'
    expect(r).to.deep.include({stdout: '', code: 1})
    expect(r!.stderr).to.match(new RegExp(`^error: state file ${file} is locked by ${who}; gave up waiting after \\d+\\.\\ds\n$`))
    expect(exportState(sb.home) === before, 'the state changed').to.equal(true)
  })

  it('a corrupt kubeconfig: the error names it and it is left for the user to fix', () => {
    const config = path.join(sb.home, 'kubeconfig')
    fs.writeFileSync(config, '{bad')
    for (const args of [['get', 'pods'], ['create', 'configmap', 'x', '--from-literal=a=b'], ['config', 'use-context', 'ksim']]) {
      const r = sb.run(args)
      expect(r.stderr, args.join(' ')).to.match(new RegExp(`^error: error loading config file "${config}": yaml: line \\d+: .+\n$`))
      expect(r, args.join(' ')).to.deep.include({stdout: '', code: 1})
    }
    expect(fs.readFileSync(config, 'utf8')).to.equal('{bad')
  })
})
