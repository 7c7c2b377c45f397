// Kubernetes resource.Quantity (apimachinery pkg/api/resource/quantity.go): parsing with the same
// suffixes, nano precision (finer values round up), arithmetic, and the canonical String() form that
// both the API server (defaulting, validation) and describe print.

/** ErrFormatWrong, as the API server prints it. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
/** ErrSuffix: the shape is right but the suffix is unknown (`1kk`, `512Gu`). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix"

/** The suffix family a quantity was written in; its canonical form keeps it. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

const NANO = 1_000_000_000n
const MAX_VALUE = (1n << 63n) - 1n // maxAllowed: values are capped at int64 max
const DECIMAL_SUFFIXES: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY_SUFFIXES: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]))
const BINARY_BY_EXP = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]))
const SUFFIX_CHARS = 'eEinumkKMGTP'

function ceilDiv(a: bigint, b: bigint): bigint {
  return a % b === 0n ? a / b : a / b + 1n
}

/** An exact quantity: an integer count of nano-units, a sign and the suffix family it was written in. */
export class Quantity {
  constructor(
    /** value × 10⁹, always an integer (parsing rounds finer values up, away from zero) */
    readonly nanos: bigint,
    readonly format: QuantityFormat = 'DecimalSI',
  ) {}

  isZero(): boolean {
    return this.nanos === 0n
  }

  /** MilliValue(): the value in thousandths, rounded up (cpu). */
  milliValue(): number {
    return Number(this.nanos > 0n ? ceilDiv(this.nanos, 1_000_000n) : this.nanos / 1_000_000n)
  }

  /** Value(): the value rounded up to an integer (memory, pods). */
  value(): number {
    return Number(this.nanos > 0n ? ceilDiv(this.nanos, NANO) : this.nanos / NANO)
  }

  cmp(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0
  }

  /** Add: the sum keeps this quantity's format unless this one is zero. */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.nanos === 0n ? other.format : this.format)
  }

  /** RoundUp(-3): what pod defaulting does to every resource value (`0.1m` → `1m`). */
  roundUpMilli(): Quantity {
    const neg = this.nanos < 0n
    const abs = neg ? -this.nanos : this.nanos
    const rounded = ceilDiv(abs, 1_000_000n) * 1_000_000n
    return new Quantity(neg ? -rounded : rounded, this.format)
  }

  /** The canonical form the API server stores and prints (`1.5` → `1500m`, `1.5Gi` → `1536Mi`). */
  toString(): string {
    if (this.nanos === 0n) return '0'
    const neg = this.nanos < 0n
    const abs = neg ? -this.nanos : this.nanos
    const sign = neg ? '-' : ''
    let format = this.format
    if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI'
    if (format === 'BinarySI') {
      let n = abs / NANO
      let exp = 0
      while (n % 1024n === 0n && exp < 60) {
        n /= 1024n
        exp += 10
      }
      return `${sign}${n}${BINARY_BY_EXP.get(exp) ?? ''}`
    }
    let mantissa = abs
    let exp = -9
    while (mantissa % 10n === 0n) {
      mantissa /= 10n
      exp++
    }
    // Go's exponent%3 adjustment: move down to the nearest multiple of three
    const r = ((exp % 3) + 3) % 3
    mantissa *= 10n ** BigInt(r)
    exp -= r
    if (format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`
    while (exp > 18) {
      mantissa *= 1000n
      exp -= 3
    }
    return `${sign}${mantissa}${DECIMAL_BY_EXP.get(exp) ?? ''}`
  }
}

interface Parts {
  positive: boolean
  num: string
  denom: string
  suffix: string
}

/** parseQuantityString: sign, digits, optional `.digits`, then suffix letters and an optional exponent. */
function splitQuantity(str: string): Parts | undefined {
  let pos = 0
  let positive = true
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+'
    pos++
  }
  while (pos < str.length && str[pos] === '0') pos++
  const numStart = pos
  while (pos < str.length && str[pos] >= '0' && str[pos] <= '9') pos++
  const num = str.slice(numStart, pos) || '0'
  let denom = ''
  if (pos < str.length && str[pos] === '.') {
    const start = ++pos
    while (pos < str.length && str[pos] >= '0' && str[pos] <= '9') pos++
    denom = str.slice(start, pos)
  }
  const suffixStart = pos
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos])) pos++
  if (pos < str.length && (str[pos] === '-' || str[pos] === '+')) pos++
  while (pos < str.length && str[pos] >= '0' && str[pos] <= '9') pos++
  if (pos < str.length) return undefined
  return {positive, num, denom, suffix: str.slice(suffixStart)}
}

function interpretSuffix(suffix: string): {base: 2 | 10; exp: number; format: QuantityFormat} | undefined {
  if (suffix in DECIMAL_SUFFIXES) return {base: 10, exp: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI'}
  if (suffix in BINARY_SUFFIXES) return {base: 2, exp: BINARY_SUFFIXES[suffix], format: 'BinarySI'}
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exp = BigInt(suffix.slice(1))
    // strconv.ParseInt fails outside int64
    if (exp > MAX_VALUE || exp < -MAX_VALUE - 1n) return undefined
    return {base: 10, exp: Number(exp), format: 'DecimalExponent'}
  }
  return undefined
}

/** Why a string is not a quantity, in the API server's words; undefined when it parses. */
export function quantityError(input: string | number): string | undefined {
  const s = String(input).trim()
  if (s === '') return QUANTITY_FORMAT_ERROR
  const parts = splitQuantity(s)
  if (!parts) return QUANTITY_FORMAT_ERROR
  return interpretSuffix(parts.suffix) ? undefined : QUANTITY_SUFFIX_ERROR
}

/** The zero quantity (a resource missing from a list), which prints as `0`. */
export const ZERO = new Quantity(0n)

/** ParseQuantity; undefined for anything the API server would refuse, and for no text at all. */
export function parseQuantity(input: string | number | null | undefined): Quantity | undefined {
  if (input === null || input === undefined) return undefined
  const s = String(input).trim()
  if (s === '' || quantityError(s)) return undefined
  const parts = splitQuantity(s)!
  const sfx = interpretSuffix(parts.suffix)!
  const digits = BigInt(parts.num + parts.denom)
  let nanos: bigint
  if (sfx.base === 2) {
    nanos = ceilDiv(digits * (1n << BigInt(sfx.exp)) * NANO, 10n ** BigInt(parts.denom.length))
  } else {
    const scale = sfx.exp - parts.denom.length + 9
    const width = (parts.num + parts.denom).length
    if (digits === 0n) nanos = 0n
    else if (scale > 60) nanos = MAX_VALUE * NANO // far beyond the cap; avoids huge powers
    else if (scale < -(width + 1)) nanos = 1n // below one nano-unit: rounds up to it
    else nanos = scale >= 0 ? digits * 10n ** BigInt(scale) : ceilDiv(digits, 10n ** BigInt(-scale))
  }
  if (nanos > MAX_VALUE * NANO) nanos = MAX_VALUE * NANO
  // a binary value below one is written in decimal (no rounding surprises)
  const format = sfx.format === 'BinarySI' && nanos > 0n && nanos < NANO ? 'DecimalSI' : sfx.format
  return new Quantity(parts.positive ? nanos : -nanos, format)
}
