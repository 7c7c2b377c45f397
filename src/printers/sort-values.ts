// resource.ParseQuantity as kubectl's sorter uses it: two strings that both parse as quantities
// compare by value. Exact about what it accepts, including what looks odd (`k`, `m`, `e5`, `-`).

const NANO_EXP = 9
const MAX_ALLOWED = (2n ** 63n - 1n) * 10n ** BigInt(NANO_EXP)
const DECIMAL: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const SUFFIX_CHARS = 'eEinumkKMGTP'
const INT64_MAX = 2n ** 63n - 1n

interface Parts {
  positive: boolean
  num: string
  denom: string
  suffix: string
}

/** resource.parseQuantityString: sign, digits, fraction, suffix; undefined on a format error. */
function split(str: string): Parts | undefined {
  let positive = true
  let pos = 0
  const end = str.length
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+'
    pos++
  }
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return {positive, num: '0', denom: '', suffix: ''}
  let i = pos
  while (i < end && str[i] >= '0' && str[i] <= '9') i++
  if (i >= end) return {positive, num: str.slice(pos), denom: '', suffix: ''}
  const num = str.slice(pos, i) || '0'
  pos = i
  let denom = ''
  if (str[pos] === '.') {
    pos++
    i = pos
    while (i < end && str[i] >= '0' && str[i] <= '9') i++
    denom = str.slice(pos, i)
    if (i >= end) return {positive, num, denom, suffix: ''}
    pos = i
  }
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++
  if (pos >= end) return {positive, num, denom, suffix: str.slice(suffixStart)}
  if (str[pos] === '-' || str[pos] === '+') pos++
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++
  return pos >= end ? {positive, num, denom, suffix: str.slice(suffixStart)} : undefined
}

/**
 * resource.ParseQuantity's value in units of 10^-9 (what Quantity.Cmp compares), or undefined when
 * the text is not a quantity.
 */
export function quantityNanos(str: string): bigint | undefined {
  if (str.length === 0) return undefined
  if (str === '0') return 0n
  const p = split(str)
  if (!p) return undefined
  let base: 2 | 10
  let exponent: number
  let format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent'
  if (p.suffix in DECIMAL) [base, exponent, format] = [10, DECIMAL[p.suffix], 'DecimalSI']
  else if (p.suffix in BINARY) [base, exponent, format] = [2, BINARY[p.suffix], 'BinarySI']
  else if (p.suffix.length > 1 && (p.suffix[0] === 'e' || p.suffix[0] === 'E') && /^[+-]?\d+$/.test(p.suffix.slice(1))) {
    // strconv.ParseInt then int32(); absurd exponents are clamped (they only decide a sign anyway)
    ;[base, exponent, format] = [10, Math.max(-400, Math.min(400, Number(p.suffix.slice(1)))), 'DecimalExponent']
  } else return undefined

  const digits = BigInt(p.num + p.denom)
  // the int64 fast path keeps exact values (no rounding, no cap)
  let precision: number
  let mantissa = 1n
  let scale = 0
  if (format === 'BinarySI') {
    if (p.denom.length === 0) {
      mantissa = 1n << BigInt(exponent)
      precision = 15 - p.num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1
    } else precision = -1
  } else {
    scale = exponent
    precision = 18 - (p.num.length + p.denom.length)
  }
  const sign = p.positive ? 1n : -1n
  if (precision >= 0) {
    scale -= p.denom.length
    if (scale >= -NANO_EXP && digits <= INT64_MAX && digits * mantissa <= INT64_MAX) {
      return sign * digits * mantissa * 10n ** BigInt(scale + NANO_EXP)
    }
  }
  // inf.Dec path: round away from zero to nano, cap at the int64 maximum
  const exp10 = (base === 10 ? exponent : 0) - p.denom.length + NANO_EXP
  const scaled = base === 2 ? digits << BigInt(exponent) : digits
  let nanos = exp10 >= 0 ? scaled * 10n ** BigInt(exp10) : ceilDiv(scaled, 10n ** BigInt(-exp10))
  if (nanos > MAX_ALLOWED) nanos = MAX_ALLOWED
  return sign * nanos
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b
