// The process runtime's prober: real probes take time, and the kubelet's pass must not wait for them.
// The pass asks for the result of the run due at a time on the probe's grid (probes.ts walks the grid);
// a run not known yet is started here in the background and the pass hears "not yet" (undefined); the
// next pass — process pods are looked at every POLL_MS — finds it. Results are kept per container
// instance and probe as stretches of equal answers [fromMs, toMs], so the walk stays closed-form. A run
// that was due a whole period ago and never ran (the pass came late, or the reconciler was down) is not
// caught up, as the kubelet's ticker does not catch up: it answers as the run before it did. Tracks not
// asked about for a while (the instance ended) are forgotten.
import type {Probe} from 'kubernetes-types/core/v1.js'
import type {ContainerHandle, ContainerRef, ProbeAnswer, ProbeKind} from '../runtime.js'

/** Runs one probe of a container instance. */
export type ProbeRunner = (ref: ContainerRef, kind: ProbeKind, probe: Probe, handle: ContainerHandle) => Promise<ProbeAnswer>

interface Stretch {
  fromMs: number
  toMs: number
  answer: ProbeAnswer
}

interface Track {
  stretches: Stretch[]
  /** the run in progress */
  inFlight?: number
  usedAtMs: number
}

const FORGET_MS = 10 * 60 * 1000

const same = (a: ProbeAnswer, b: ProbeAnswer): boolean => a.ok === b.ok && a.output === b.output && Boolean(a.errored) === Boolean(b.errored)

export class Prober {
  private readonly tracks = new Map<string, Track>()
  private prunedAtMs = 0

  constructor(
    private readonly run: ProbeRunner,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer of the run at `atMs`, undefined while it is not known (it is then running). */
  answer(ref: ContainerRef, kind: ProbeKind, probe: Probe, handle: ContainerHandle, atMs: number): ProbeAnswer | undefined {
    const track = this.track(handle, kind)
    const last = track.stretches.at(-1)
    if (last && atMs <= last.toMs) return stretchAt(track, atMs)!.answer
    if (track.inFlight !== undefined) return undefined
    if (last && atMs + (probe.periodSeconds ?? 10) * 1000 <= this.now()) return last.answer
    track.inFlight = atMs
    const record = (answer: ProbeAnswer): void => {
      track.inFlight = undefined
      const end = track.stretches.at(-1)
      if (end && same(end.answer, answer)) end.toMs = atMs
      else track.stretches.push({fromMs: atMs, toMs: atMs, answer})
    }
    this.run(ref, kind, probe, handle).then(record, (error: Error) => record({ok: false, errored: true, output: error.message}))
    return undefined
  }

  /** The first time after `afterMs` at which a run may answer differently. */
  changesAt(handle: ContainerHandle, kind: ProbeKind, afterMs: number): number {
    const track = this.track(handle, kind)
    const i = track.stretches.findLastIndex((s) => s.fromMs <= afterMs)
    if (i < 0) return afterMs + 1
    const next = track.stretches[i + 1]
    return next ? next.fromMs : Math.max(afterMs, track.stretches[i].toMs) + 1
  }

  private track(handle: ContainerHandle, kind: ProbeKind): Track {
    const now = this.now()
    if (now - this.prunedAtMs > 60_000) {
      for (const [k, t] of this.tracks) if (now - t.usedAtMs > FORGET_MS && t.inFlight === undefined) this.tracks.delete(k)
      this.prunedAtMs = now
    }
    const key = `${handle.containerID}/${kind}`
    let track = this.tracks.get(key)
    if (!track) this.tracks.set(key, (track = {stretches: [], usedAtMs: now}))
    track.usedAtMs = now
    return track
  }
}

const stretchAt = (track: Track, atMs: number): Stretch | undefined => track.stretches.findLast((s) => s.fromMs <= atMs) ?? track.stretches[0]
