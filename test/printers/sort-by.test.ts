import {expect} from 'chai'

import {goSort} from '../../src/printers/go-sort.js'
import {klogFatalLine, SortByError, SortByFatalError, sortObjects} from '../../src/printers/sort-by.js'
import {quantityNanos} from '../../src/printers/sort-values.js'

// Every expected order below is what kubectl 1.32 printed for the same list, with `-o name` (the
// generic printers) and with the default table; both paths agree whenever a key exists. The two long
// lists of ties are kubectl 1.35.2's orders (the same objects served by `ksim serve`): its Go's
// breakPatterns uses another xorshift, so those orders changed from 1.32's.
type Pod = {metadata: {name: string; labels?: Record<string, string>}; status: Record<string, unknown>}

const pod = (name: string, status: Record<string, unknown> = {phase: 'Running'}, labels?: Record<string, string>): Pod => ({
  metadata: labels ? {name, labels} : {name},
  status,
})
const names = (pods: Pod[] | undefined): string => (pods ?? []).map((p) => p.metadata.name).join(' ')

/** 30 pods, three phases, every seventh without a phase. */
const ties = (): Pod[] => Array.from({length: 30}, (_, i) => pod(`p${String(i).padStart(2, '0')}`, i % 7 === 3 ? {} : {phase: ['Running', 'Pending', 'Failed'][i % 3]}))

/** 60 pods with few distinct keys: long runs of equal keys exercise pdqsort's partitioning. */
const many = (): Pod[] => Array.from({length: 60}, (_, i) => pod(`m${(i * 37) % 60}`, {phase: ['A', 'B'][((i * 13) % 5) % 2], n: (i * 7) % 11}))

/** 110 pods keyed by quantities, numbers and plain strings, some without the key (an LCG picks them). */
function mixed(): Pod[] {
  let seed = 3
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const vals = ['1', '2', '10', '100m', '0.5', 'k', 'm', 'e5', '1e3', '2Ki', 'abc', 'Abc', 'x-1', 'x-10', '', '-1', '.5', '1.5Gi', '3Mi']
  const n = 13 + Math.floor(rnd() * 180)
  return Array.from({length: n}, (_, i) => {
    const r = rnd()
    const labels: Record<string, string> = r < 0.15 ? {} : {k: vals[Math.floor(rnd() * (r < 0.5 ? 3 : vals.length))]}
    return pod(`p${i}-${Math.floor(rnd() * 1000)}`, {phase: ['A', 'B', 'C'][Math.floor(rnd() * 2.2)], n: Math.floor(rnd() * 4)}, labels)
  })
}

describe('sort-by', () => {
  it('puts objects without the key first and keeps Go sort.Sort order among equal keys', () => {
    const want =
      'p10 p17 p03 p24 p26 p05 p14 p23 p08 p20 p02 p11 p29 p07 p04 p01 p16 p28 p13 p19 p25 p22 p21 p00 p06 p09 p18 p27 p12 p15'
    expect(names(sortObjects(ties(), '.status.phase'))).to.equal(want)
  })

  it('orders long runs of equal strings and numbers exactly as kubectl does', () => {
    expect(names(sortObjects(many(), '{.status.phase}'))).to.equal(
      'm30 m3 m28 m5 m0 m33 m10 m23 m46 m55 m18 m41 m50 m1 m38 m15 m13 m36 m6 m43 m20 m45 m8 m11 m48 m25 m31 m40 m51 m16 ' +
        'm56 m53 m26 m21 m58 m35 m32 m54 m44 m7 m39 m17 m12 m2 m34 m57 m49 m22 m4 m59 m24 m27 m52 m47 m19 m42 m29 m9 m14 m37',
    )
  })

  it('compares quantities by value and other strings bytewise, with missing keys first', () => {
    const want = [
      'p11-297 p32-999 p9-690 p69-116 p7-316 p33-159 p40-110 p21-925 p106-372 p51-241 p109-127 p42-940 ',
      'p17-409 p66-525 p36-550 p43-452 p99-875 p94-53 p104-820 p27-371 p73-541 p19-436 p26-249 p12-62 ',
      'p16-578 p52-647 p47-555 p71-86 p28-841 p39-902 p76-769 p89-509 p75-106 p57-653 p58-649 p107-980 ',
      'p87-706 p5-349 p85-124 p103-860 p46-380 p13-363 p30-449 p88-267 p72-980 p80-504 p29-867 p23-91 ',
      'p6-598 p31-222 p50-954 p78-403 p25-659 p34-162 p82-498 p70-36 p102-797 p54-503 p95-645 p90-260 ',
      'p15-749 p61-439 p18-19 p63-943 p64-417 p86-456 p22-778 p79-603 p68-997 p48-432 p0-812 p98-514 ',
      'p44-114 p1-500 p74-964 p3-596 p4-905 p77-830 p8-735 p56-890 p24-293 p10-95 p55-989 p45-741 ',
      'p97-253 p14-729 p91-458 p62-446 p83-363 p93-494 p41-388 p49-712 p37-199 p100-665 p67-917 p84-190 ',
      'p105-240 p65-561 p81-747 p38-411 p60-764 p96-324 p35-252 p101-998 p20-158 p92-708 p53-362 p59-280 ',
      'p2-242 p108-703',
    ].join('')
    expect(names(sortObjects(mixed(), '.metadata.labels.k'))).to.equal(want)
  })

  it('sorts plain names bytewise, not in natural order (kubectl ≥ 1.31)', () => {
    const pods = ['web-10', 'web-9', 'web-1', 'db-02', 'db-2', 'Web', 'web', '10', '9', 'a1b', 'a01b'].map((n) => pod(n))
    expect(names(sortObjects(pods, '.metadata.name'))).to.equal('9 10 Web a01b a1b db-02 db-2 web web-1 web-10 web-9')
  })

  it('sorts resource quantities by value when both sides parse', () => {
    const pods = [['a', '1'], ['b', '250m'], ['c', '1500m'], ['d', '0.5'], ['e', '2Gi'], ['f', 'k'], ['g', 'x1'], ['h', '100m']].map(([n, c]) => pod(n, {}, {cpu: c}))
    expect(names(sortObjects(pods, '.metadata.labels.cpu'))).to.equal('f h b d a c e g')
  })

  it('sorts integers numerically with null before every number', () => {
    const pods = [['a', 3], ['b', 1], ['c', 20], ['d', 10], ['e', null]].map(([n, v]) => pod(n as string, {restarts: v}))
    expect(names(sortObjects(pods, '.status.restarts'))).to.equal('e b a d c')
  })

  it('fails in the generic printers when no object has the field, unless the list is empty', () => {
    expect(() => sortObjects([pod('a'), pod('b')], '.metadata.nope')).to.throw(SortByError, 'couldn\'t find any field with path "{.metadata.nope}" in the list of objects')
    expect(() => sortObjects([pod('a')], '.metadata.nope')).to.throw(SortByError, /couldn't find any field/)
    expect(sortObjects([], '.metadata.nope')).to.deep.equal([])
  })

  it('passes bad paths through with kubectl text in the generic printers', () => {
    expect(() => sortObjects([pod('a')], '{.a}{.b}')).to.throw(SortByError, "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
    expect(() => sortObjects([pod('a')], '.metadata.name[')).to.throw(SortByError, /^unterminated array$/)
  })

  it('reports unsortable values as klog fatal errors with their source positions', () => {
    const floats = [pod('a', {r: 3}), pod('b', {r: 1}), pod('c', {r: 2.5})]
    expect(() => sortObjects(floats, '.status.r')).to.throw(SortByFatalError, 'Field {.status.r} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface')
    try {
      sortObjects(floats, '.status.r')
      expect.fail('did not throw')
    } catch (e) {
      const err = e as SortByFatalError
      const when = new Date(2026, 10, 26, 18, 0, 56)
      expect(klogFatalLine(err, when, 25197, 429366)).to.equal(`F1126 18:00:56.429366   25197 ${err.location}] ${err.message}\n`)
    }
  })

  it('parses quantities as resource.ParseQuantity does, including its odd corners', () => {
    expect(quantityNanos('250m')).to.equal(250_000_000n)
    expect(quantityNanos('1.5Gi')).to.equal(1_610_612_736_000_000_000n)
    expect(quantityNanos('1e3')).to.equal(1_000_000_000_000n)
    expect(quantityNanos('0.1n')).to.equal(1n)
    expect(quantityNanos('-1')).to.equal(-1_000_000_000n)
    expect([quantityNanos('k'), quantityNanos('e5'), quantityNanos('-'), quantityNanos('.')]).to.deep.equal([0n, 0n, 0n, 0n])
    expect([quantityNanos(''), quantityNanos('Running'), quantityNanos('1e'), quantityNanos('x1'), quantityNanos(' 1')]).to.deep.equal([undefined, undefined, undefined, undefined, undefined])
  })

  it('runs sort.Sort as insertion sort up to twelve elements, where an always-true Less reverses a run', () => {
    const data = ['a', 'b', 'c']
    goSort(
      data.length,
      () => true,
      (i, j) => ([data[i], data[j]] = [data[j], data[i]]),
    )
    expect(data).to.deep.equal(['c', 'b', 'a'])
  })
})
