// The kubelet's image pull back-off (images.imageManager): a failed pull puts the pod's image in
// client-go's back-off (10 s, doubling to 5 min, forgotten after 10 min without failures); a sync
// during the back-off does not pull and reports ImagePullBackOff, whose message carries the error of
// the last pull ("Back-off pulling image "x": ErrImagePull: <error>", as the kubelet words it since
// 1.32). Pure functions of the pod's memory and the clock.
import {goQuote} from './images.js'
import type {PodMemo} from './memory.js'

/** client-go flowcontrol.Backoff as the kubelet configures it for containers and image pulls. */
export const BACKOFF_INITIAL_MS = 10_000
/** MaxContainerBackOff */
export const BACKOFF_MAX_MS = 300_000
/** the pod worker's retry after a failed sync (CreateContainerConfigError, ErrImageNeverPull, pulls) */
export const SYNC_RETRY_MS = 10_000

/** The PLEG's relist period: how soon a change in the runtime (a new sandbox) makes the pod sync again. */
export const PLEG_RELIST_MS = 1000

const keyOf = (image: string): string => `pull/${image}`

/** The back-off message when `image` is in back-off at `atMs` (a sync then does not pull), else undefined. */
export function pullBackOff(memo: PodMemo, image: string, atMs: number): string | undefined {
  const entry = memo.backoff[keyOf(image)]
  if (!entry || atMs - entry.lastUpdateMs >= entry.backoffMs) return undefined
  const msg = `Back-off pulling image ${goQuote(image)}`
  const prev = memo.pullErrors?.[image]
  return prev === undefined ? msg : `${msg}: ${prev}`
}

/** A pull begins: the error kept for the back-off message is dropped. */
export function pullStarted(memo: PodMemo, image: string): void {
  if (memo.pullErrors) delete memo.pullErrors[image]
}

/**
 * A pull of `image` failed at `atMs` with `error`: the back-off grows (or starts over) and the error is
 * kept for the ImagePullBackOff message. Returns when the pod worker syncs again: the first failure is
 * followed by the PLEG noticing the sandbox the same sync created, later ones by the worker's retry.
 */
export function pullFailed(memo: PodMemo, image: string, atMs: number, error: string): number {
  const key = keyOf(image)
  const entry = memo.backoff[key]
  const fresh = !entry || atMs - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS
  memo.backoff[key] = {backoffMs: fresh ? BACKOFF_INITIAL_MS : Math.min(2 * entry.backoffMs, BACKOFF_MAX_MS), lastUpdateMs: atMs}
  ;(memo.pullErrors ??= {})[image] = `ErrImagePull: ${error}`
  return atMs + (fresh ? PLEG_RELIST_MS : SYNC_RETRY_MS)
}

/** A pull succeeded: back-off entries unused for 10 min are forgotten (Backoff.GC). */
export function pullSucceeded(memo: PodMemo, atMs: number): void {
  for (const [key, entry] of Object.entries(memo.backoff)) {
    if (key.startsWith('pull/') && atMs - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS) delete memo.backoff[key]
  }
}
