// The bench report's tables: cli-table3 without borders or colour, columns three spaces apart (as
// ksim's own tables, src/cli/print/plain-table.ts), so reports read alike and stay easy to grep and diff.
import Table from 'cli-table3'

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '   ',
}

/** `rows` under `head` as aligned text lines (each indented by `indent`), no trailing blanks. */
export function reportTable(head, rows, {indent = '  ', align} = {}) {
  const table = new Table({head, chars: NO_BORDER, colAligns: align, style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true}})
  table.push(...rows.map((r) => r.map(String)))
  return table
    .toString()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => indent + l.trimEnd())
    .join('\n')
}
