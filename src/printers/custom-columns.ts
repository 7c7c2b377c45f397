// `-o custom-columns=NAME:.path,...` and `-o custom-columns-file=FILE` as kubectl's CustomColumnsPrinter
// prints them: headers verbatim, `<none>` for a path with no value, several values comma-joined, laid
// out by a tabwriter with minwidth 6 and padding 3.
import {escapeTerminal} from './escape.js'
import {goSprint} from '../machinery/go-format.js'
import {compileJsonPath, findResults, relaxedJsonPathExpression, JsonPathError, type JsonPathTemplate} from './jsonpath.js'
import {PrinterError} from './printer-error.js'

/** One user column: its header text and the (relaxed) JSONPath of its cells. */
export interface CustomColumn {
  header: string
  fieldSpec: string
}

/** A custom-columns failure (its `output`: the header kubectl had already printed). */
export class CustomColumnsError extends PrinterError {
  override name = 'CustomColumnsError'
}

const SPEC_ERROR = (part: string): string => `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`
const FILE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.'

function relaxed(path: string): string {
  try {
    return relaxedJsonPathExpression(path)
  } catch (e) {
    if (e instanceof JsonPathError) throw new CustomColumnsError(e.message)
    throw e
  }
}

/** NewCustomColumnsPrinterFromSpec: `NAME:.metadata.name,IMAGE:.spec.containers[*].image`. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new CustomColumnsError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':')
    if (colon < 0) throw new CustomColumnsError(SPEC_ERROR(part))
    return {header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1))}
  })
}

// bufio.ScanWords: Go's unicode.IsSpace (not JavaScript's \s, which also takes U+FEFF)
const words = (line: string): string[] => line.split(/[ \t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u).filter((w) => w !== '')

/**
 * NewCustomColumnsPrinterFromTemplate: a header line and a spec line, both whitespace separated.
 * kubectl ignores --no-headers for this form.
 */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  if (text.length > 0 && text.endsWith('\n')) lines.pop()
  if (lines.length < 1 || text.length === 0) throw new CustomColumnsError(`invalid template, missing header line. ${FILE_FORMAT}`)
  if (lines.length < 2) throw new CustomColumnsError(`invalid template, missing spec line. ${FILE_FORMAT}`)
  const headers = words(lines[0])
  const specs = words(lines[1])
  if (headers.length !== specs.length) {
    throw new CustomColumnsError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`)
  }
  return headers.map((header, i) => ({header, fieldSpec: relaxed(specs[i])}))
}

/** Options of one rendering (kubectl's --no-headers). */
export interface RenderOptions {
  noHeaders?: boolean
}

/** One cell: `<none>` without a value, else every value as fmt.Sprint prints it, comma-joined. */
function cell(template: JsonPathTemplate, obj: unknown): string {
  let values: unknown[][]
  try {
    values = findResults(template, obj, {allowMissingKeys: true})
  } catch (e) {
    if (e instanceof JsonPathError) throw new CustomColumnsError(e.message)
    throw e
  }
  const out: string[] = []
  if (values.length === 0 || values[0].length === 0) out.push('<none>')
  for (const list of values) for (const v of list) out.push(escapeTerminal(goSprint(v)))
  return out.join(',')
}

/** The printer's output for a list of objects (a header line even when the list is empty). */
export function renderCustomColumns(columns: CustomColumn[], objects: unknown[], opts: RenderOptions = {}): string {
  const w = new TabWriter()
  if (!opts.noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n')
  const templates: JsonPathTemplate[] = []
  for (const c of columns) {
    try {
      templates.push(compileJsonPath(c.fieldSpec))
    } catch (e) {
      if (e instanceof JsonPathError) throw new CustomColumnsError(e.message, w.flush())
      throw e
    }
  }
  for (const obj of objects) {
    let row: string
    try {
      row = templates.map((t) => cell(t, obj)).join('\t')
    } catch (e) {
      if (e instanceof CustomColumnsError) throw new CustomColumnsError(e.message, w.flush())
      throw e
    }
    w.write(row + '\n')
  }
  return w.flush()
}

interface Cell {
  text: string
  width: number
}

/**
 * liggitt/tabwriter as cli-runtime configures it (minwidth 6, padding 3, RememberWidths): cells end
 * at '\t' or '\v', lines at '\n' or '\f'; a line without tabs flushes what came before.
 */
class TabWriter {
  private lines: Cell[][] = [[]]
  private cellText = ''
  private out = ''
  private widths: number[] = []
  private maxwidths: number[] = []

  write(text: string): void {
    for (const ch of text) {
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') {
        this.cellText += ch
        continue
      }
      const line = this.lines[this.lines.length - 1]
      line.push({text: this.cellText, width: [...this.cellText].length})
      this.cellText = ''
      if (ch === '\n' || ch === '\f') {
        this.lines.push([])
        if (ch === '\f' || line.length === 1) this.flushLines()
      }
    }
  }

  flush(): string {
    if (this.cellText !== '') {
      this.lines[this.lines.length - 1].push({text: this.cellText, width: [...this.cellText].length})
      this.cellText = ''
    }
    this.flushLines()
    const s = this.out
    this.out = ''
    return s
  }

  private flushLines(): void {
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.widths = []
  }

  private writeLines(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const line = this.lines[i]
      line.forEach((c, j) => {
        this.out += c.text
        if (j < this.widths.length) this.out += ' '.repeat(this.widths[j] - c.width)
      })
      if (i + 1 < this.lines.length) this.out += '\n'
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t].length - 1) continue
      this.writeLines(line0, t)
      line0 = t
      let width = 6
      for (; t < line1; t++) {
        const line = this.lines[t]
        if (column >= line.length - 1) break
        width = Math.max(width, line[column].width + 3)
      }
      // RememberWidths: a column never gets narrower than it has been
      if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length))
      if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width)
      else if (this.maxwidths[column] > width) width = this.maxwidths[column]
      else this.maxwidths[column] = width
      this.widths.push(width)
      this.format(line0, t)
      this.widths.pop()
      line0 = t
    }
    this.writeLines(line0, line1)
  }
}
