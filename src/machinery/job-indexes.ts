// The compressed index lists of Indexed Jobs (`1,3-5,7`): status.completedIndexes and failedIndexes,
// successPolicy's succeededIndexes. Parsing with the API server's messages, formatting as the Job
// controller writes them.

const toInt = (s: string): number | undefined => (/^[+-]?\d+$/.test(s) ? Number(s) : undefined)

/**
 * validateIndexesFormat: the indexes of a list below `completions`, ascending, or the error text.
 */
export function parseIndexes(text: string, completions: number): number[] | string {
  if (text === '') return []
  const out: number[] = []
  let last: number | undefined
  for (const interval of text.split(',')) {
    const limits = interval.split('-')
    if (limits.length > 2) return `the fragment "${interval}" violates the requirement that an index interval can have at most two parts separated by '-'`
    const x = toInt(limits[0])
    if (x === undefined) return `cannot convert string to integer for index: "${limits[0]}"`
    if (x >= completions) return `too large index: "${limits[0]}"`
    if (last !== undefined && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`
    out.push(x)
    last = x
    if (limits.length > 1) {
      const y = toInt(limits[1])
      if (y === undefined) return `cannot convert string to integer for index: "${limits[1]}"`
      if (y >= completions) return `too large index: "${limits[1]}"`
      if (last >= y) return `non-increasing order, previous: ${last}, current: ${y}`
      for (let i = x + 1; i <= y; i++) out.push(i)
      last = y
    }
  }
  return out
}

/** The compressed form of a set of indexes: runs of three or more as `a-b`, pairs as `a,b`. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    if (j === i) parts.push(String(sorted[i]))
    else if (j === i + 1) parts.push(String(sorted[i]), String(sorted[j]))
    else parts.push(`${sorted[i]}-${sorted[j]}`)
    i = j + 1
  }
  return parts.join(',')
}
