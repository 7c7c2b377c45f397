// Go's `%v` of a decoded JSON value (map[string]interface{} with sorted keys, []interface{}, <nil>):
// the API server quotes patch fragments this way in strategic merge patch errors.

/** A JSON value as Go's fmt prints it with %v. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  if (typeof v === 'object') {
    const entries = Object.keys(v as object)
      .sort()
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`)
    return `map[${entries.join(' ')}]`
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return goFloat(v)
  return String(v)
}

/** %v of a float64 (strconv 'g' with the shortest precision: exponent form from 1e21 and below 1e-4). */
function goFloat(n: number): string {
  const abs = Math.abs(n)
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [mant, exp] = n.toExponential().split('e')
    const e = Number(exp)
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
  }
  return String(n)
}
