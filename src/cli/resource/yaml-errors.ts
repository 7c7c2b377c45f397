// go-yaml's words for a malformed document, from what js-yaml reports about it. kubectl parses with
// go-yaml (yaml.v2), whose scanner and parser name a problem differently from js-yaml and number lines
// their own way (yaml.v2 parser.fail): a scanner error names the problem's 0-based line plus one, a
// parser error the problem's 0-based line as it is, and a problem on the first line gets no line at all.

/** What js-yaml reported: its reason and the 0-based position of the problem. */
export interface JsYamlProblem {
  reason: string
  line: number
  column: number
}

function at(line0: number, scanner: boolean, message: string): string {
  return line0 === 0 ? `yaml: ${message}` : `yaml: line ${scanner ? line0 + 1 : line0}: ${message}`
}

const indentOf = (s: string): number => s.length - s.trimStart().length

/** The nearest line above `line` with something on it (comments aside). */
function previousContent(lines: string[], line: number): string | undefined {
  for (let i = line - 1; i >= 0; i--) if (lines[i].trim() !== '' && !lines[i].trim().startsWith('#')) return lines[i]
  return undefined
}

/** The innermost flow collection still open before `column` of `line` (quotes skipped). */
function openBracket(lines: string[], line: number, column: number): '[' | '{' | undefined {
  const stack: string[] = []
  for (let l = 0; l <= line && l < lines.length; l++) {
    const text = l === line ? lines[l].slice(0, column) : lines[l]
    let quote = ''
    for (const c of text) {
      if (quote) {
        if (c === quote) quote = ''
      } else if (c === '"' || c === "'") quote = c
      else if (c === '#' && stack.length === 0) break
      else if (c === '[' || c === '{') stack.push(c)
      else if (c === ']' || c === '}') stack.pop()
    }
  }
  return stack.at(-1) as '[' | '{' | undefined
}

/** A line that ends in a plain (unquoted, non-flow, non-block) scalar value, which a next line may continue. */
function endsInPlainScalar(text: string): boolean {
  const value = text.trim().replace(/^-\s+/, '').replace(/^[^'"[{#][^:#]*:\s+/, '')
  return value !== '' && !value.endsWith(':') && !/^['"[{|>!&*#-]/.test(value)
}

/** The line of the first token after `line` (go-yaml notices a missing ':' only there), or end of stream. */
function nextTokenLine(lines: string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) if (lines[i].trim() !== '') return i
  return Math.max(line, lines.length - 1)
}

/** Rewords a js-yaml problem in `chunk` (one document) as go-yaml states it. */
export function goYamlError(p: JsYamlProblem, chunk: string): string {
  const lines = (chunk.endsWith('\n') ? chunk : `${chunk}\n`).split('\n')
  const text = lines[p.line] ?? ''
  const prev = previousContent(lines, p.line)
  const reason = p.reason
  if (/tab characters must not be used/.test(reason)) {
    // a tab that continues a plain scalar breaks its indentation; anywhere else it cannot start a token
    const continues = prev !== undefined && endsInPlainScalar(prev)
    return at(p.line, true, continues ? 'found a tab character that violates indentation' : 'found character that cannot start any token')
  }
  if (/bad indentation of a mapping entry/.test(reason)) {
    const c = text[p.column]
    if (c === '@' || c === '`') return at(p.line, true, 'found character that cannot start any token')
    if (c === ']' || c === '}') return at(p.line, false, 'did not find expected key')
    if (/:\s/.test(text.slice(0, p.column)) || (prev !== undefined && indentOf(text) > indentOf(prev))) {
      return at(p.line, true, 'mapping values are not allowed in this context')
    }
    if (prev !== undefined && indentOf(text) === indentOf(prev) && /^-(\s|$)/.test(prev.trim())) return at(p.line, false, "did not find expected '-' indicator")
    return at(p.line, false, 'did not find expected key')
  }
  if (/end of the stream within a (double|single) quoted scalar/.test(reason)) return at(p.line, true, 'found unexpected end of stream')
  if (/end of the stream within a flow collection/.test(reason) && /[[{,]\s*$/.test(lines.slice(0, p.line + 1).join('\n').replace(/#.*$/gm, ''))) {
    // the stream ends where an entry should start
    return at(p.line, false, 'did not find expected node content')
  }
  if (/end of the stream within a flow collection|missed comma between flow collection entries/.test(reason)) {
    return at(p.line, false, `did not find expected ',' or '${openBracket(lines, p.line, p.column) === '[' ? ']' : '}'}'`)
  }
  if (/end of the stream or a document separator is expected/.test(reason)) {
    const first = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#'))?.trim() ?? ''
    const isItem = /^-(\s|$)/.test(text.trim())
    if (/^-(\s|$)/.test(first) && !isItem) return at(p.line, false, "did not find expected '-' indicator")
    if (!/^-(\s|$)/.test(first) && isItem) return at(p.line, false, 'did not find expected key')
    return at(p.line, false, 'did not find expected <document start>')
  }
  if (/multiline key may not be an implicit key|a colon is missed/.test(reason)) return at(nextTokenLine(lines, p.line), true, "could not find expected ':'")
  const alias = /unidentified alias "(.*)"/.exec(reason)
  if (alias) return `yaml: unknown anchor '${alias[1]}' referenced`
  if (/unknown escape sequence/.test(reason)) return at(p.line, true, 'found unknown escape character')
  return at(p.line, true, reason)
}
