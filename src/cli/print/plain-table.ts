// ksim's own tables, the ones kubectl has no form for (`cluster list`, `cluster status`, the bench
// report): drawn by cli-table3 without borders or colour, columns three spaces apart as kubectl's are,
// so that they read like the rest of ksim's output and stay easy to grep and cut.
import Table from 'cli-table3'

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '   ',
}

/** Rows (and an optional header row) as aligned columns, one line each, no trailing blanks. */
export function plainTable(rows: string[][], head?: string[]): string {
  const table = new Table({chars: NO_BORDER, style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true}, ...(head ? {head} : {})})
  table.push(...rows)
  if (rows.length === 0 && !head) return ''
  return `${table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n')}\n`
}
