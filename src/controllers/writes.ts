// How controllers treat the outcome of their writes.
import type {ControllerContext, ReconcileResult} from './types.js'

import {isStatusError} from '../api/errors.js'

/** A write that lost to another writer (the object changed or went meanwhile): the next pass redoes it. */
export const lostRace = (e: unknown): boolean => isStatusError(e, 'Conflict') || isStatusError(e, 'NotFound')

/**
 * The writes of one pass: one whose object went meanwhile (NotFound) is skipped, any other failure is
 * logged and the pass asks to run again a second later.
 */
export class PassWrites {
  #failed = false
  constructor(
    private readonly ctx: ControllerContext,
    private readonly prefix: string,
  ) {}

  readonly attempt = (what: string, write: () => void): void => {
    try {
      write()
    } catch (error) {
      if (isStatusError(error, 'NotFound')) return
      this.#failed = true
      this.ctx.log(`${this.prefix}: ${what}: ${(error as Error).message}`)
    }
  }

  result(): ReconcileResult {
    return this.#failed ? {requeueAfterMs: 1000} : {}
  }
}
