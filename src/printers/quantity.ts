// A small resource.Quantity for describe: parse the API's strings, add and compare them, read
// Value/MilliValue, and print the canonical form (`1.5` → `1500m`, `1024Mi` → `1Gi`).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** A quantity held exactly in units of 10^-9, with the suffix family it was written in. */
export interface Quantity {
  nanos: bigint
  format: QuantityFormat
}

const NANO = 1_000_000_000n
const DECIMAL: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const DECIMAL_SUFFIX = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s])) as Record<number, string>
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** The zero quantity (a missing resource in a list), which prints as `0`. */
export const ZERO: Quantity = {nanos: 0n, format: 'DecimalSI'}

const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : a / b)

/** resource.ParseQuantity; undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined | null): Quantity | undefined {
  if (text === undefined || text === null) return undefined
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(String(text).trim())
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const [, sign, int, frac = '', suffix] = m
  let format: QuantityFormat
  let num = BigInt((int || '0') + frac) // value * 10^frac.length
  let den = 10n ** BigInt(frac.length)
  if (suffix in DECIMAL) {
    format = 'DecimalSI'
    const e = DECIMAL[suffix]
    if (e >= 0) num *= 10n ** BigInt(e)
    else den *= 10n ** BigInt(-e)
  } else if (suffix in BINARY) {
    format = 'BinarySI'
    num *= 2n ** BigInt(BINARY[suffix])
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent'
    const e = Number(suffix.slice(1))
    if (e >= 0) num *= 10n ** BigInt(e)
    else den *= 10n ** BigInt(-e)
  } else {
    return undefined
  }
  // precision finer than nano rounds up, as the API server does
  const nanos = ceilDiv(num * NANO, den)
  return {nanos: sign === '-' ? -nanos : nanos, format}
}

/** Quantity.Add: the sum keeps the first operand's format unless that one is zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return {nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format}
}

/** Quantity.Cmp. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0
}

/** Quantity.Value: whole units, rounded up. */
export function quantityValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, NANO))
}

/** Quantity.MilliValue: thousandths, rounded up. */
export function quantityMilliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000n))
}

/** Quantity.String: the canonical form in the quantity's suffix family. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    const abs = q.nanos < 0n ? -q.nanos : q.nanos
    if (abs < 1024n * NANO || q.nanos % NANO !== 0n) format = 'DecimalSI'
    else {
      let amount = q.nanos / NANO
      let k = 0
      while (k < BINARY_SUFFIX.length - 1 && amount % 1024n === 0n) {
        amount /= 1024n
        k++
      }
      return `${amount}${BINARY_SUFFIX[k]}`
    }
  }
  let amount = q.nanos
  let exponent = -9
  while (amount % 10n === 0n) {
    amount /= 10n
    exponent++
  }
  const r = ((exponent % 3) + 3) % 3
  amount *= 10n ** BigInt(r)
  exponent -= r
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`
  const suffix = DECIMAL_SUFFIX[exponent]
  return suffix === undefined ? `${amount}e${exponent}` : `${amount}${suffix}`
}
