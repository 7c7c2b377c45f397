import {expect} from 'chai'
import yaml from 'js-yaml'

import {asList as toPrintList} from '../../src/cli/print/objects.js'
import {goFloat, printYaml, yamlKeyLess} from '../../src/printers/yaml.js'

/** The printed line of `k: <value>` for one string value. */
const line = (value: unknown): string => printYaml({k: value})

describe('yaml printer', () => {
  it('prints an object with sorted keys, unindented sequences and quoted timestamps', () => {
    const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', creationTimestamp: '2026-07-01T12:00:00Z', labels: {app: 'web'}},
      spec: {containers: [{name: 'web', image: 'nginx:1.27', ports: [{containerPort: 80, protocol: 'TCP'}], resources: {}}]},
      status: {conditions: [{type: 'Ready', status: 'True', lastProbeTime: null}], phase: 'Running'}}
    expect(printYaml(pod)).to.equal(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2026-07-01T12:00:00Z"
  labels:
    app: web
  name: web
spec:
  containers:
  - image: nginx:1.27
    name: web
    ports:
    - containerPort: 80
      protocol: TCP
    resources: {}
status:
  conditions:
  - lastProbeTime: null
    status: "True"
    type: Ready
  phase: Running
`)
  })

  it('prints kubectl\'s empty List', () => {
    expect(printYaml(toPrintList([]))).to.equal('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n')
  })

  it('double-quotes strings that would read back as numbers, booleans, nulls, times or sexagesimals', () => {
    const quoted = ['80', 'true', 'True', 'y', 'n', 'N', 'yes', 'on', 'off', 'null', '~', '', '0123', '08', '1.5', '1e3', '0x1F', '0o17', '.5',
      '+1', '-2', '1_000', '12:30', '2024-01-01', '2026-07-01T12:00:00Z', '.inf', '-.inf', '.NaN']
    for (const s of quoted) expect(line(s), s).to.equal(`k: ${JSON.stringify(s)}\n`)
  })

  it('leaves ordinary strings plain, including ones that only look special', () => {
    const plain = ['web', 'nginx:1.27', 'x#y', "it's", 'ümlaut', '1.2.3', '10.244.1.5', 'Yes please', '-foo', '.', '0x', '2024-13-01', 'a,b', 'v1.30.0', '<none>']
    for (const s of plain) expect(line(s), s).to.equal(`k: ${s}\n`)
  })

  it('single-quotes strings that break plain syntax', () => {
    expect(line('*')).to.equal("k: '*'\n")
    expect(line('a: b')).to.equal("k: 'a: b'\n")
    expect(line('foo:')).to.equal("k: 'foo:'\n")
    expect(line('- x')).to.equal("k: '- x'\n")
    expect(line('#x')).to.equal("k: '#x'\n")
    expect(line('x #y')).to.equal("k: 'x #y'\n")
    expect(line('@x')).to.equal("k: '@x'\n")
    expect(line("'q")).to.equal("k: '''q'\n")
    expect(line(' lead')).to.equal("k: ' lead'\n")
    expect(line('trail ')).to.equal("k: 'trail '\n")
    expect(line('{a}')).to.equal("k: '{a}'\n")
  })

  it('double-quotes text with tabs, control characters or characters outside the BMP, with escapes', () => {
    expect(line('tab\there')).to.equal('k: "tab\\there"\n')
    expect(line('bell\x07')).to.equal('k: "bell\\a"\n')
    expect(line('emoji 😀')).to.equal('k: "emoji \\U0001F600"\n')
    expect(line('del\x7f')).to.equal('k: "del\\x7F"\n')
  })

  it('prints multi-line strings as literal blocks with kubectl\'s chomping indicators', () => {
    expect(printYaml({k: 'line1\nline2', z: 1})).to.equal('k: |-\n  line1\n  line2\nz: 1\n')
    expect(printYaml({k: 'line1\n\nline3\n', z: 1})).to.equal('k: |\n  line1\n\n  line3\nz: 1\n')
    expect(printYaml({k: 'a\n\n', z: 1})).to.equal('k: |+\n  a\n\nz: 1\n')
    expect(printYaml({k: 'a\n\n'})).to.equal('k: |+\n  a\n\n...\n')
    expect(printYaml({k: '  indented\nx'})).to.equal('k: |2-\n    indented\n  x\n')
    expect(printYaml({args: ['sh', 'echo hi\nsleep 1\n']})).to.equal('args:\n- sh\n- |\n  echo hi\n  sleep 1\n')
  })

  it('double-quotes multi-line strings that a literal block cannot hold', () => {
    expect(line('trailing space \nx')).to.equal('k: "trailing space \\nx"\n')
    expect(line('a\tb\nc')).to.equal('k: "a\\tb\\nc"\n')
  })

  it('folds long plain text at column 80 and indents the continuation', () => {
    const words = Array(20).fill('word').join(' ')
    expect(printYaml({message: words})).to.equal(`message: ${Array(15).fill('word').join(' ')}\n  word word word word word\n`)
  })

  it('wraps scheduler messages exactly as kubectl get -o yaml does on a real cluster', () => {
    const cond = (message: string) => ({conditions: [{lastProbeTime: null, lastTransitionTime: '2023-09-23T00:03:26Z', message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled'}]})
    expect(printYaml({status: cond("0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..")})).to.equal(
      'status:\n' +
      '  conditions:\n' +
      '  - lastProbeTime: null\n' +
      '    lastTransitionTime: "2023-09-23T00:03:26Z"\n' +
      "    message: '0/1 nodes are available: 1 node(s) didn''t match pod anti-affinity rules.\n" +
      '      preemption: 0/1 nodes are available: 1 No preemption victims found for incoming\n' +
      "      pod..'\n" +
      '    reason: Unschedulable\n' +
      '    status: "False"\n' +
      '    type: PodScheduled\n')
    expect(printYaml({status: cond('0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..')}))
      .to.include("    message: '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1\n      nodes are available: 1 Preemption is not helpful for scheduling..'\n")
  })

  it('folds long double-quoted text at column 80', () => {
    const text = 'tab\t' + Array(20).fill('word').join(' ')
    expect(printYaml({key: text})).to.equal(`key: "tab\\t${Array(15).fill('word').join(' ')}\n  word word word word word"\n`)
  })

  it('quotes keys by the same rules', () => {
    expect(printYaml({'80': 'a', y: 'b', 'a b': 'c', 'x: y': 'd'})).to.equal('"80": a\na b: c\n\'x: y\': d\n"y": b\n')
  })

  it('orders keys like go-yaml v2: digit runs by value, non-letters before letters', () => {
    const keys = ['a10', 'a9', 'b', 'B', 'Zy', '_x', 'a-b', 'ab', 'a01', 'a1']
    expect(keys.sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))).to.deep.equal(['_x', 'B', 'Zy', 'a-b', 'a1', 'a01', 'a9', 'a10', 'ab', 'b'])
  })

  it('prints numbers as go-yaml does and collections inline when empty', () => {
    expect(printYaml({a: 3, b: 1.5, c: 0.00001, d: 1234567.5, e: true, f: null, g: {}, h: [], i: [[1, 2]], j: -0.25})).to.equal(
      'a: 3\nb: 1.5\nc: 1e-05\nd: 1.2345675e+06\ne: true\nf: null\ng: {}\nh: []\ni:\n- - 1\n  - 2\nj: -0.25\n')
    expect(goFloat(0.0001)).to.equal('0.0001')
    expect(goFloat(123456.7)).to.equal('123456.7')
  })

  it('produces YAML that reads back to the same data', () => {
    const data = {a: ['x: y', '*', 'true', '', 'line\nnext\n', ' pad', '😀', Array(30).fill('long').join(' ')], b: {c: 1.25, '0': 'z'}}
    expect(yaml.load(printYaml(data))).to.deep.equal(data)
  })
})
