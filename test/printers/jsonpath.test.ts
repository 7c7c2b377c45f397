import {expect} from 'chai'

import {compileJsonPath, execute, findResults, JsonPathError, NO_TEMPLATE_MESSAGE, parseJsonPath, relaxedJsonPathExpression} from '../../src/printers/jsonpath.js'

// Expected strings below were produced by kubectl 1.32 (`kubectl label --local -f pod.yaml x=y -o jsonpath=...`).
function pod(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'web-1', labels: {app: 'web', x: 'y'}, annotations: {note: 'a<b&c'}},
    spec: {
      containers: [
        {name: 'nginx', image: 'nginx:1.27', ports: [{containerPort: 80}], resources: {requests: {cpu: '250m'}}},
        {name: 'side', image: 'busybox'},
      ],
    },
    status: {phase: 'Running', ratio: 0.5, big: 1234567.5, small: 0.00001, whole: 1000000, nothing: null, flag: true},
  }
}

const run = (template: string, data: unknown = pod(), allowMissingKeys = true): string => execute(parseJsonPath(template), data, {allowMissingKeys})

function failure(template: string, data: unknown = pod(), allowMissingKeys = true): string {
  try {
    run(template, data, allowMissingKeys)
  } catch (e) {
    expect(e).to.be.instanceOf(JsonPathError)
    return (e as Error).message
  }
  throw new Error(`${template} did not fail`)
}

/** the first line of an execution error, without the object dump */
const summary = (template: string): string => failure(template).split('. Printing')[0]

describe('jsonpath', () => {
  const outputs: [string, string][] = [
    ['{.metadata.name}', 'web-1'],
    ['{.metadata.labels}', '{"app":"web","x":"y"}'],
    ['{.metadata.annotations}', '{"note":"a\\u003cb\\u0026c"}'],
    ['{.metadata.annotations.note}', 'a<b&c'],
    ['{.spec.containers[*].name}', 'nginx side'],
    ['{.spec.containers[-1].name}', 'side'],
    ['{.spec.containers[0:1].name}', 'nginx'],
    ['{.spec.containers[2:2].name}', ''],
    ['{.spec.containers[0,1].name}', 'nginx side'],
    ['{.spec.containers[]}', '{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}],"resources":{"requests":{"cpu":"250m"}}}'],
    ["{['kind','apiVersion']}", 'Pod v1'],
    ['{.spec.containers[?(@.name=="side")].image}', 'busybox'],
    ["{.spec.containers[?(@.name=='side')].image}", 'busybox'],
    ['{.spec.containers[?(@.name!="side")].image}', 'nginx:1.27'],
    ['{.spec.containers[?(@.name<"s")].image}', 'nginx:1.27'],
    ['{.spec.containers[?(@.ports)].name}', 'nginx'],
    ['{.spec.containers[?(@.ports[0].containerPort>=80)].name}', 'nginx'],
    ['{.spec.containers[?(@..name=="side")].image}', 'busybox'],
    ['{.spec.containers[?(@.x=="a)")].name}', ''],
    ['{..image}', 'nginx:1.27 busybox'],
    ['{...image}', 'nginx:1.27 busybox'],
    ['{range .spec.containers[*]}[{.name}:{.image}]{end}', '[nginx:nginx:1.27][side:busybox]'],
    ['{range .spec.containers[*]}{.name}{"\\n"}{end}done', 'nginx\nside\ndone'],
    ['{range .spec.containers[*]}{range .ports[*]}{.containerPort}{end}{end}', '80'],
    ['{range .nothing[*]}x{end}after', 'after'],
    ['{.status.ratio} {.status.whole} {.status.flag} {.status.nothing}', '0.5 1000000 true null'],
    ['{.status.big}{" "}{.status.small}', '1.2345675e+06 1e-05'],
    ['{.metadata.name.*}', '119 101 98 45 49'],
    ['{.missing}', ''],
    ['before-{.missing}after', 'before-after'],
    ['{.}', ''],
    ['{@.kind}', 'Pod'],
    ['{true} {5} {-1.5}', 'true 5 -1.5'],
    ['{"a\\x41\\u00e9\\101"}', 'aAéA'],
    ["{'\\t'}x", '\tx'],
    ['x{"}"}y', 'x}y'],
    ['{.a}}', '}'],
    ['{.metadata.labels.app}\t{.kind}', 'web\tPod'],
  ]
  for (const [template, out] of outputs) {
    it(`prints ${JSON.stringify(out)} for ${template}`, () => {
      expect(run(template)).to.equal(out)
    })
  }

  it('prints the whole object as compact JSON with sorted keys for {} and {$}', () => {
    const whole =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"note":"a\\u003cb\\u0026c"},"labels":{"app":"web","x":"y"},"name":"web-1"},' +
      '"spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}],"resources":{"requests":{"cpu":"250m"}}},' +
      '{"image":"busybox","name":"side"}]},"status":{"big":1234567.5,"flag":true,"nothing":null,"phase":"Running","ratio":0.5,"small":0.00001,"whole":1000000}}'
    expect(run('{}')).to.equal(whole)
    expect(run('{$}')).to.equal(whole)
  })

  const parseErrors: [string, string][] = [
    ['{.a[}', 'unterminated array'],
    ['{.a', 'unclosed action'],
    ['{.metadata.name}{', 'unclosed action'],
    ['{{.a}}', "unrecognized character in action: U+007B '{'"],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{\t.kind}', 'unrecognized character in action: U+0009'],
    ['{.spec.containers[?(@.name=~"s.*")].image}', "unrecognized character in action: U+007E '~'"],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['{"unterminated}', 'unterminated quoted string'],
    ['{.spec.containers[a]}', 'invalid array index a'],
    ['{.spec.containers[1:2:3:4]}', 'invalid array index 1:2:3:4'],
    ['{.spec.containers[99999999999999999999]}', 'array index 99999999999999999999 is not a number'],
    ['{.items[?(@.x==1]}', 'unterminated filter'],
    ['{.items[?(@.x)x]}', 'unclosed array expect ]'],
    ['{.a....b}', 'invalid multiple recursive descent'],
  ]
  for (const [template, detail] of parseErrors) {
    it(`rejects ${template} with "error parsing jsonpath ${template}, ${detail}"`, () => {
      expect(failure(template)).to.equal(`error parsing jsonpath ${template}, ${detail}`)
    })
  }

  const execErrors: [string, string][] = [
    ['{.spec.containers[-3].name}', 'array index out of bounds: index -1, length 2'],
    ['{.spec.containers[:5].name}', 'array index out of bounds: index 4, length 2'],
    ['{.spec.containers[1:0].name}', 'starting index 1 is greater than ending index 0'],
    ['{.spec.containers[::0].name}', 'step must be > 0'],
    ['{.kind[0]}', 'string is not array or slice'],
    ['{end}', 'not in range, nothing to end'],
    ['{range .spec.containers[*]}{.name}{end}{end}', 'not in range, nothing to end'],
    ['{foo}', 'unrecognized identifier foo'],
    ['{.spec.containers[?(@.name==side)].image}', 'unrecognized identifier side'],
    ['{.spec.containers[?(@.name="side")].image}', 'unrecognized filter operator ='],
    ['{.spec.containers[?(@.name==5)].name}', 'incompatible types for comparison'],
    ['{.spec.containers[?(@.ports[0].containerPort==80.0)].name}', 'incompatible types for comparison'],
    ['{.spec.containers[?(@.ports==1)].name}', 'invalid type for comparison'],
    ['{.spec.containers[?(@.*=="side")].image}', 'can only compare one element at a time'],
    ['{.status.nothing[?(@.x)]}', '<nil> is not array or slice and cannot be filtered'],
    [
      '{.status[?(@.x)]}',
      'map[big:1.2345675e+06 flag:true nothing:<nil> phase:Running ratio:0.5 small:1e-05 whole:1000000] is not array or slice and cannot be filtered',
    ],
  ]
  for (const [template, detail] of execErrors) {
    it(`fails ${template} with "${detail}"`, () => {
      expect(summary(template)).to.equal(`error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${detail}`)
    })
  }

  it('dumps the object as Go %#v after an execution error, ending with three newlines', () => {
    const list = {apiVersion: 'v1', items: [], kind: 'List', metadata: {resourceVersion: ''}}
    expect(failure('{.items[0].metadata.name}', list)).to.equal(
      'error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[0].metadata.name}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", ' +
        '"metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n',
    )
  })

  it('renders floats, nulls and booleans in the %#v dump as Go does', () => {
    const msg = failure('{.x}', {a: 1.5, b: 1234567.5, c: null, d: true, e: [1, 'two']}, false)
    expect(msg).to.contain('map[string]interface {}{"a":1.5, "b":1.2345675e+06, "c":interface {}(nil), "d":true, "e":[]interface {}{1, "two"}}')
    expect(msg).to.match(/^error executing jsonpath "\{\.x\}": Error executing template: x is not found\. /)
  })

  it('reports a missing key only when missing keys are not allowed', () => {
    expect(run('{.metadata.nope}')).to.equal('')
    expect(failure('{.metadata.nope}', pod(), false).split('. Printing')[0]).to.equal(
      'error executing jsonpath "{.metadata.nope}": Error executing template: nope is not found',
    )
  })

  it('skips filter items that lack the compared field when missing keys are allowed', () => {
    const list = {items: [{metadata: {name: 'a', annotations: {c: 'blue'}}}, {metadata: {name: 'b'}}, {metadata: {name: 'c', annotations: {c: 'blue'}}}]}
    expect(run('{.items[?(@.metadata.annotations.c=="blue")].metadata.name}', list)).to.equal('a c')
  })

  it('prints each action as an indented JSON array for jsonpath-as-json', () => {
    const list = {kind: 'List', items: [{metadata: {name: 'web-1'}}, {metadata: {name: 'db-0'}}]}
    const out = execute(parseJsonPath('{.items[*].metadata.name}{.kind}'), list, {allowMissingKeys: true, outputJson: true})
    expect(out).to.equal('[\n    "web-1",\n    "db-0"\n]\n[\n    "List"\n]\n')
  })

  it('keeps range state per execution so a template can print many objects', () => {
    const t = parseJsonPath('{range .spec.containers[*]}{.name},{end}')
    expect(execute(t, pod(), {allowMissingKeys: true})).to.equal('nginx,side,')
    expect(execute(t, pod(), {allowMissingKeys: true})).to.equal('nginx,side,')
  })

  it('gives the raw client-go error from compileJsonPath and findResults', () => {
    expect(() => compileJsonPath('{.a[}')).to.throw(JsonPathError, /^unterminated array$/)
    const t = compileJsonPath('{.spec.containers[*].name}{.kind}')
    expect(findResults(t, pod(), {allowMissingKeys: true})).to.deep.equal([['nginx', 'side'], ['Pod']])
    expect(() => findResults(compileJsonPath('{.kind[0]}'), pod(), {allowMissingKeys: true})).to.throw(JsonPathError, /^string is not array or slice$/)
  })

  it('turns the four relaxed path forms into {.path}', () => {
    for (const p of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}']) {
      expect(relaxedJsonPathExpression(p)).to.equal('{.metadata.name}')
    }
    expect(relaxedJsonPathExpression('')).to.equal('')
    expect(() => relaxedJsonPathExpression('{.a}{.b}')).to.throw(
      JsonPathError,
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  })

  it('exports kubectl text for an empty template', () => {
    expect(NO_TEMPLATE_MESSAGE).to.equal('template format specified but no template given')
  })
})
