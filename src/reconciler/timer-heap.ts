// A binary min-heap of timers (time, owner, key) for the work queue. Entries are never removed in place:
// one a later timer replaced is skipped when it reaches the top (`live` says which still count).
interface Timer<O> {
  at: number
  owner: O
  key: string
}

export class TimerHeap<O> {
  readonly #heap: Timer<O>[] = []

  push(at: number, owner: O, key: string): void {
    const heap = this.#heap
    heap.push({at, owner, key})
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (heap[parent]!.at <= heap[i]!.at) break
      ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
      i = parent
    }
  }

  /** The earliest live timer's time, dropping dead ones on the way. */
  peek(live: (at: number, owner: O, key: string) => boolean): number | undefined {
    for (;;) {
      const top = this.#heap[0]
      if (!top) return undefined
      if (live(top.at, top.owner, top.key)) return top.at
      this.pop()
    }
  }

  /** Removes and returns the earliest live timer due at `now`, if any. */
  popDue(now: number, live: (at: number, owner: O, key: string) => boolean): [O, string] | undefined {
    const at = this.peek(live)
    if (at === undefined || at > now) return undefined
    const top = this.pop()!
    return [top.owner, top.key]
  }

  get size(): number {
    return this.#heap.length
  }

  private pop(): Timer<O> | undefined {
    const heap = this.#heap
    const top = heap[0]
    const last = heap.pop()
    if (heap.length === 0 || !last) return top
    heap[0] = last
    for (let i = 0; ; ) {
      const l = 2 * i + 1
      const r = l + 1
      let min = i
      if (l < heap.length && heap[l]!.at < heap[min]!.at) min = l
      if (r < heap.length && heap[r]!.at < heap[min]!.at) min = r
      if (min === i) break
      ;[heap[min], heap[i]] = [heap[i]!, heap[min]!]
      i = min
    }
    return top
  }
}
