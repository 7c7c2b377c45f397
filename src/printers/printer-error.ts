// A printer's failure, as kubectl's printers fail: the message kubectl prints after `error: `, and what the
// printer had already written to standard output when it failed (a custom-columns header, flushed by its
// tabwriter; a go-template's output so far and its debugging text).
export class PrinterError extends Error {
  override name = 'PrinterError'
  constructor(
    message: string,
    /** what kubectl wrote to stdout before the error (empty when it failed before printing) */
    readonly output = '',
  ) {
    super(message)
  }
}
