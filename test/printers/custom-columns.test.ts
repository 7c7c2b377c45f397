import {expect} from 'chai'

import {CustomColumnsError, parseCustomColumns, parseCustomColumnsFile, renderCustomColumns} from '../../src/printers/custom-columns.js'

// Expected outputs were produced by kubectl 1.32 (`kubectl get pods -o custom-columns=...`) against the same objects.
function pods(): Record<string, unknown>[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'web-1', labels: {app: 'web', x: 'y'}, annotations: {t: 'a\tb'}},
      spec: {containers: [{name: 'nginx', image: 'nginx:1.27', ports: [{containerPort: 80}]}, {name: 'side', image: 'busybox'}]},
      status: {phase: 'Running', big: 1234567.5, nothing: null, flag: true},
    },
    {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'db-0'}, spec: {containers: [{name: 'pg', image: 'postgres:16'}]}, status: {phase: 'Pending'}},
  ]
}

function failure(fn: () => unknown): CustomColumnsError {
  try {
    fn()
  } catch (e) {
    expect(e).to.be.instanceOf(CustomColumnsError)
    return e as CustomColumnsError
  }
  throw new Error('did not fail')
}

const render = (spec: string, objects = pods(), noHeaders = false): string => renderCustomColumns(parseCustomColumns(spec), objects, {noHeaders})

describe('custom-columns', () => {
  it('prints headers verbatim, <none> for missing values, Go %v for maps, lists, null and floats', () => {
    const spec =
      'NAME:.metadata.name,NOTHING:.status.nothing,BIG:.status.big,LABELS:.metadata.labels,CONT:.spec.containers[*].name,' +
      'PORTS:.spec.containers[0].ports,MISSING:.spec.foo,E:,FLAG:.status.flag'
    expect(render(spec)).to.equal(
      'NAME    NOTHING   BIG             LABELS             CONT         PORTS                     MISSING   E        FLAG\n' +
        'web-1   <nil>     1.2345675e+06   map[app:web x:y]   nginx,side   [map[containerPort:80]]   <none>    <none>   true\n' +
        'db-0    <none>    <none>          <none>             pg           <none>                    <none>    <none>   <none>\n',
    )
  })

  it('pads columns to the widest cell plus three, at least six, and leaves the last column unpadded', () => {
    expect(render('N:.metadata.name,P:.status.phase')).to.equal('N       P\nweb-1   Running\ndb-0    Pending\n')
  })

  it('accepts the relaxed path forms and JSONPath filters', () => {
    expect(render('A:metadata.name,B:{.spec.containers[?(@.name=="side")].image}')).to.equal('A       B\nweb-1   busybox\ndb-0    <none>\n')
  })

  it('prints a single column without padding', () => {
    expect(render('ONLY:.metadata.name')).to.equal('ONLY\nweb-1\ndb-0\n')
  })

  it('prints only the header for an empty list, and nothing with --no-headers', () => {
    expect(render('NAME:.metadata.name,P:.status.phase', [])).to.equal('NAME   P\n')
    expect(render('NAME:.metadata.name,P:.status.phase', [], true)).to.equal('')
  })

  it('drops the header line with --no-headers', () => {
    expect(render('A:.metadata.name', pods(), true)).to.equal('web-1\ndb-0\n')
  })

  it('lets a tab inside a value open a new column block, as the tabwriter does', () => {
    expect(render('NAME:.metadata.name,T:.metadata.annotations.t,Z:.metadata.name')).to.equal('NAME    T        Z\nweb-1   a        b     web-1\ndb-0    <none>   db-0\n')
  })

  it('escapes ESC and CR in values', () => {
    const objs = [{metadata: {name: 'a', annotations: {v: 'x\x1b[31my\rz'}}}]
    expect(render('V:.metadata.annotations.v', objs)).to.equal('V\nx^[[31my\\rz\n')
  })

  it('rejects a column without a colon with kubectl text', () => {
    expect(failure(() => parseCustomColumns('NAME')).message).to.equal('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>')
  })

  it('rejects an empty spec and a path that is not a relaxed path', () => {
    expect(failure(() => parseCustomColumns('')).message).to.equal('custom-columns format specified but no custom columns given')
    expect(failure(() => parseCustomColumns('NAME:{.a}{.b}')).message).to.equal(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  })

  it('fails on a bad path after printing the header, as kubectl does', () => {
    const err = failure(() => render('A:.metadata.name,B:.metadata.name['))
    expect(err.message).to.equal('unterminated array')
    expect(err.output).to.equal('A     B\n')
  })

  it('fails on an evaluation error after printing the rows before it', () => {
    const err = failure(() => render('NAME:.metadata.name,X:.spec.containers[1].name'))
    expect(err.message).to.equal('array index out of bounds: index 1, length 1')
    expect(err.output).to.equal('NAME    X\nweb-1   side\n')
  })

  it('reads a custom-columns file of a header line and a spec line', () => {
    const cols = parseCustomColumnsFile('NAME   IMG\n.metadata.name  {.spec.containers[0].image}\n')
    expect(cols).to.deep.equal([
      {header: 'NAME', fieldSpec: '{.metadata.name}'},
      {header: 'IMG', fieldSpec: '{.spec.containers[0].image}'},
    ])
    expect(renderCustomColumns(cols, pods())).to.equal('NAME    IMG\nweb-1   nginx:1.27\ndb-0    postgres:16\n')
  })

  it('rejects malformed custom-columns files with kubectl text', () => {
    const format = 'Expected format is one line of space separated headers, one line of space separated column specs.'
    expect(failure(() => parseCustomColumnsFile('')).message).to.equal(`invalid template, missing header line. ${format}`)
    expect(failure(() => parseCustomColumnsFile('NAME   IMG\n')).message).to.equal(`invalid template, missing spec line. ${format}`)
    expect(failure(() => parseCustomColumnsFile('NAME   IMG\n.metadata.name\n')).message).to.equal("number of headers (2) and field specifications (1) don't match")
  })
})
