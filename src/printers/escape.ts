// Terminal-safety rules kubectl applies to everything it prints from object data.

/** cli-runtime printers.WriteEscaped: ESC becomes `^[` and CR becomes `\r`. */
export function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r')
}

/**
 * A table cell as cli-runtime's printTable writes it: cut at the first newline, carriage return or
 * form feed (marked with `...`), then escaped.
 */
export function tableCell(text: string): string {
  const cut = text.search(/[\f\n\r]/)
  return cut < 0 ? escapeTerminal(text) : escapeTerminal(text.slice(0, cut)) + '...'
}
