// Column alignment exactly as Go's text/tabwriter lays out text: cells end at '\t', lines at '\n',
// and a column is aligned only within a block of consecutive lines that have a cell in it.
// kubectl's `get` tables and `describe` output are both produced this way, with different settings.

/** Settings of a Go tabwriter (padding with spaces, no flags). */
export interface TabwriterOptions {
  /** minimal cell width including padding */
  minwidth: number
  /** spaces added to the widest cell of a column */
  padding: number
}

/** cli-runtime's GetNewTabWriter: minwidth 6, padding 3 (kubectl get). */
export const TABLE_TABWRITER: TabwriterOptions = {minwidth: 6, padding: 3}

/** kubectl describe's tabbedString: minwidth 0, padding 2. */
export const DESCRIBE_TABWRITER: TabwriterOptions = {minwidth: 0, padding: 2}

const ANSI = /\x1b\[[0-9;]*m/g

/** Width of a cell as the terminal shows it: colour codes count for nothing, each code point for one. */
export function visibleWidth(text: string): number {
  let n = 0
  for (const _ of text.replace(ANSI, '')) n++
  return n
}

/** Aligns `text` as Go's tabwriter would after writing it and calling Flush. */
export function alignTabs(text: string, opts: TabwriterOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'))
  const out: string[] = new Array(lines.length)
  const widths: number[] = []

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]
      let s = ''
      for (let j = 0; j < cells.length; j++) {
        s += cells[j]
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - visibleWidth(cells[j])))
      }
      out[i] = s
    }
  }

  // Go's Writer.format: find each block of lines with a cell in column `widths.length`,
  // size the column over that block, then format the columns to its right recursively.
  const format = (line0: number, line1: number): void => {
    const column = widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue
      writeLines(line0, t)
      line0 = t
      let width = opts.minwidth
      for (; t < line1; t++) {
        const cells = lines[t]
        if (column >= cells.length - 1) break
        const w = visibleWidth(cells[column]) + opts.padding
        if (w > width) width = w
      }
      widths.push(width)
      format(line0, t)
      widths.pop()
      line0 = t
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out.join('\n')
}

/** Lays out rows of cells as `kubectl get` prints them: one line per row, trailing newline. */
export function formatTable(rows: string[][]): string {
  if (rows.length === 0) return ''
  return alignTabs(rows.map((r) => r.join('\t')).join('\n') + '\n', TABLE_TABWRITER)
}

/** Lays out tab-separated describe text as kubectl describe's tabwriter does. */
export function formatDescribe(text: string): string {
  return alignTabs(text, DESCRIBE_TABWRITER)
}
