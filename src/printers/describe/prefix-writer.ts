// kubectl describe's PrefixWriter over a Go tabwriter: each level indents two spaces, text is
// escaped for the terminal, and Flush ends every column block (DescribeEvents flushes).
import {escapeTerminal} from '../escape.js'
import {formatDescribe} from '../tabwriter.js'

/** Indentation levels, as describe.go's LEVEL_0 … LEVEL_4. */
export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4

/** Collects describe text and aligns it the way tabbedString does. */
export class PrefixWriter {
  private done: string[] = []
  private pending = ''

  /** `aligned: false`: describe.NewPrefixWriter over a plain buffer (rollout history), tabs kept as tabs. */
  constructor(private readonly opts: {aligned?: boolean} = {}) {}

  /** Write(level, text): `text` after `level` two-space indents. */
  write(level: number, text: string): void {
    this.pending += escapeTerminal('  '.repeat(level) + text)
  }

  /** WriteLine: the text and a newline, without indentation. */
  writeLine(text = ''): void {
    this.pending += escapeTerminal(text + '\n')
  }

  /** Flush: lays out everything so far; later lines start new column blocks. */
  flush(): void {
    this.done.push(this.opts.aligned === false ? this.pending : formatDescribe(this.pending))
    this.pending = ''
  }

  /** The finished description. */
  toString(): string {
    this.flush()
    return this.done.join('')
  }
}
