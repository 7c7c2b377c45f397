// A unified-style line diff (LCS) of two texts, for readable failure messages of byte-for-byte comparisons.

/** Lines of `a` missing from `b` prefixed `-`, lines of `b` missing from `a` prefixed `+`, common lines ` `. */
export function lineDiff(a: string, b: string): string {
  const x = a.split('\n')
  const y = b.split('\n')
  const lcs: number[][] = Array.from({length: x.length + 1}, () => Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      out.push(`  ${x[i++]}`)
      j++
    } else if (j < y.length && (i >= x.length || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`+ ${y[j++]}`)
    else out.push(`- ${x[i++]}`)
  }
  return out.join('\n')
}
