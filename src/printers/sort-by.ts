// `kubectl get --sort-by=<jsonpath>` as kubectl's sorter.go does it: the first value of the path in
// each object is the key; an object without one sorts first; numbers compare as numbers, strings as
// quantities when both are quantities, else bytewise (since 1.31; natural order before); Go's
// unstable sort.Sort does the work. Orders were checked against kubectl 1.32; the 1.35.2 comparison script
// (test/e2e/fixtures/kubectl-reference-script.ts) still agrees on its --sort-by case.
import {goQuote, goSharpV, goStringLess, goTypeName, GoByte, isGoInt, type GoValue} from '../machinery/go-format.js'
import {goSort} from './go-sort.js'
import {compileJsonPath, findResults, JsonPathError, relaxedJsonPathExpression, type JsonPathTemplate} from './jsonpath.js'
import {quantityNanos} from './sort-values.js'

/** An error kubectl returns (printed as `error: <message>`, exit code 1). */
export class SortByError extends Error {
  override name = 'SortByError'
}

/**
 * A comparison kubectl cannot make: it logs `message` through klog (see klogFatalLine) and exits
 * without printing anything else.
 */
export class SortByFatalError extends Error {
  override name = 'SortByFatalError'
  constructor(
    message: string,
    /** the source position klog prints: `sorter.go:329` (generic printers), `sorter.go:375` (tables) */
    readonly location: string,
    /** 1 for klog.Exitf; 255 for klog.Fatalf, which also dumps goroutine stacks */
    readonly exitCode: 1 | 255 = 1,
  ) {
    super(message)
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** klog's line for a fatal error: `F1126 18:00:56.429366   25197 sorter.go:375] <message>` (local time). */
export function klogFatalLine(err: SortByFatalError, when: Date, pid: number, micros = when.getMilliseconds() * 1000): string {
  const date = `${pad2(when.getMonth() + 1)}${pad2(when.getDate())}`
  const time = `${pad2(when.getHours())}:${pad2(when.getMinutes())}:${pad2(when.getSeconds())}.${String(micros).padStart(6, '0')}`
  return `F${date} ${time} ${String(pid).padStart(7)} ${err.location}] ${err.message}\n`
}

const isNil = (v: GoValue): boolean => v === null || v === undefined

/** sorter.go's isLess for two unstructured values (reflect.Interface kind); throws its error text. */
function isLess(i: GoValue, j: GoValue): boolean {
  if (isNil(i) && isNil(j)) return false
  if (isNil(i)) return true
  if (isNil(j)) return false
  const mismatch = (): never => {
    throw new Error('unsortable interface: interface')
  }
  if (i instanceof GoByte) return j instanceof GoByte ? i.value < j.value : mismatch()
  if (typeof i === 'number') {
    const same = typeof j === 'number' && isGoInt(i) === isGoInt(j)
    return same ? i < (j as number) : mismatch()
  }
  if (typeof i === 'string') {
    if (typeof j !== 'string') return mismatch()
    const qi = quantityNanos(i)
    const qj = qi === undefined ? undefined : quantityNanos(j)
    return qi !== undefined && qj !== undefined ? qi < qj : goStringLess(i, j)
  }
  throw new Error(`unsortable type: ${goTypeName(i)}`)
}

type Keys = (side: 'i' | 'j') => GoValue[][]

/** Sorts `items` by their key lists (FindResults of each item), as RuntimeSort/TableSorter do. */
function sortByKeys<T>(items: T[], keys: Keys[], field: string, holder: string, location: string): T[] {
  const out = items.slice()
  const ks = keys.slice()
  goSort(
    out.length,
    (a, b) => {
      const iv = ks[a]('i')
      const jv = ks[b]('j')
      if (iv.length === 0 || iv[0].length === 0) return true
      if (jv.length === 0 || jv[0].length === 0) return false
      try {
        return isLess(iv[0][0], jv[0][0])
      } catch (e) {
        throw new SortByFatalError(`Field ${field} in ${holder} is an unsortable type: interface, err: ${(e as Error).message}`, location)
      }
    },
    (a, b) => {
      ;[out[a], out[b]] = [out[b], out[a]]
      ;[ks[a], ks[b]] = [ks[b], ks[a]]
    },
  )
  return out
}

const notFound = (field: string): string => `couldn't find any field with path ${goQuote(field)} in the list of objects`

/**
 * --sort-by for the generic printers (json, yaml, name, jsonpath, custom-columns, go-template):
 * SortingPrinter over the list kubectl built. An empty list is left alone; otherwise the path must
 * give a value in at least one object, or this throws `couldn't find any field with path ...`.
 */
export function sortObjects<T>(objects: T[], sortBy: string): T[] {
  if (objects.length === 0) return objects
  let template: JsonPathTemplate
  try {
    template = compileJsonPath(relaxedJsonPathExpression(sortBy))
  } catch (e) {
    if (e instanceof JsonPathError) throw new SortByError(e.message)
    throw e
  }
  const field = template.text
  const cache = new Map<number, GoValue[][] | Error>()
  const lookup = (k: number): GoValue[][] | Error => {
    if (!cache.has(k)) {
      try {
        cache.set(k, findResults(template, objects[k], {allowMissingKeys: true}))
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e
        cache.set(k, e)
      }
    }
    return cache.get(k)!
  }
  let found = false
  for (let k = 0; k < objects.length && !found; k++) {
    const r = lookup(k)
    if (r instanceof Error) throw new SortByError(r.message)
    found = r.length > 0 && r[0].length > 0
  }
  if (!found) throw new SortByError(notFound(field))
  // later objects are only evaluated inside Less, where kubectl's failures are fatal
  const keys = objects.map((obj, k): Keys => (side) => {
    const r = lookup(k)
    if (!(r instanceof Error)) return r
    const err = side === 'j' ? r.message : `&errors.errorString{s:${goQuote(r.message)}}`
    const what = `&unstructured.Unstructured{Object:${goSharpV(obj)}}`
    throw new SortByFatalError(`Failed to get ${side} values for ${what} using ${field} (${err})`, side === 'i' ? 'sorter.go:318' : 'sorter.go:323', 255)
  })
  return sortByKeys(objects, keys, field, '*unstructured.Unstructured', 'sorter.go:329')
}
