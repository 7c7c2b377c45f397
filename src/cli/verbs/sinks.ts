/** Where a verb's run writes: stdout text as it is, stderr one line at a time (the base command's). */
export interface Sinks {
  out(text: string): void
  err(line: string): void
}

/** Sinks of a verb that waits for the cluster: `beforeWait` runs once it has written, before it waits (the CLI starts the reconciler there). */
export interface WaitSinks extends Sinks {
  beforeWait?(): Promise<void>
}
