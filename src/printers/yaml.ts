// `-o yaml` exactly as kubectl prints it: sigs.k8s.io/yaml turns the JSON into go-yaml v2 values and
// marshals them, so keys follow go-yaml's natural sort, sequences sit at their key's indentation,
// long text folds at column 80 and strings that would read back as other types are quoted.
import {goFloatV} from '../machinery/go-format.js'
import {sortKeysDeep} from '../machinery/sort-keys.js'
import {chooseStyle} from './yaml-scalar.js'
import {YamlOut, writeScalar} from './yaml-writer.js'

const isLetter = (c: string): boolean => /\p{L}/u.test(c)
const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{Nd}/u.test(c)
const digitValue = (c: string): number => c.codePointAt(0)! - 48

/** go-yaml v2's keyList.Less for string keys: letters by code point, digit runs by value. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + digitValue(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + digitValue(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
  }
  return ar.length < br.length
}

/** strconv.FormatFloat(f, 'g', -1, 64) with go-yaml's names for infinities and NaN. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan'
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf'
  return goFloatV(f)
}

function numberText(n: number): string {
  // JSON integers come back from go-yaml as ints; anything else is a float64
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return BigInt(n).toString()
  return goFloat(n)
}

const isEmptyCollection = (v: unknown): boolean =>
  (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)

class Emitter {
  out = new YamlOut()
  openEnded = false

  // yaml_emitter_emit_node for a non-key node; `indent` is the enclosing collection's indentation
  node(v: unknown, indent: number, inMapping: boolean): void {
    if (isEmptyCollection(v)) {
      const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}']
      this.out.indicator(open, true, true, false)
      this.out.indicator(close, false, false, false)
      this.openEnded = false
    } else if (Array.isArray(v)) {
      // a block sequence that is a mapping value does not indent its items
      this.sequence(v, inMapping && !this.out.indention ? indent : indent + 2)
    } else if (v !== null && typeof v === 'object') {
      this.mapping(v as Record<string, unknown>, indent + 2)
    } else {
      this.scalar(v, indent + 2, false)
    }
  }

  scalar(v: unknown, indent: number, simpleKey: boolean): void {
    if (typeof v === 'string') {
      this.openEnded = writeScalar(this.out, v, chooseStyle(v, simpleKey), indent, !simpleKey)
      return
    }
    const text = v === null || v === undefined ? 'null' : typeof v === 'number' ? numberText(v) : String(v)
    writeScalar(this.out, text, 'plain', indent, !simpleKey)
    this.openEnded = false
  }

  mapping(m: Record<string, unknown>, indent: number): void {
    const keys = Object.keys(m).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))
    for (const k of keys) {
      this.out.indent(indent)
      this.scalar(k, indent + 2, true)
      this.out.indicator(':', false, false, false)
      this.node(m[k], indent, true)
    }
  }

  sequence(items: unknown[], indent: number): void {
    for (const item of items) {
      this.out.indent(indent)
      this.out.indicator('-', true, false, true)
      this.node(item, indent, false)
    }
  }
}

/** One object or list as `kubectl -o yaml` prints it (sigs.k8s.io/yaml.Marshal). */
export function printYaml(obj: unknown): string {
  const value = sortKeysDeep(JSON.parse(JSON.stringify(obj ?? null)))
  const e = new Emitter()
  if (value !== null && typeof value === 'object' && !isEmptyCollection(value)) {
    if (Array.isArray(value)) e.sequence(value, 0)
    else e.mapping(value as Record<string, unknown>, 0)
  } else {
    e.node(value, -2, false)
  }
  // document end: a final line break unless the last literal block already ended the line
  e.out.indent(0)
  if (e.openEnded) {
    e.out.indicator('...', true, false, false)
    e.out.indent(0)
  }
  return e.out.text
}
