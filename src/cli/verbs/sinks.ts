/** Where a verb's run writes: stdout text as it is, stderr one line at a time (the base command's). */
export interface Sinks {
  out(text: string): void
  err(line: string): void
}
