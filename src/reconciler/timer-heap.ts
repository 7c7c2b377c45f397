// A binary min-heap of timers (time, owner, key) for the work queue. Entries are never removed in place:
// one a later timer replaced is skipped when it reaches the top (`live` says which still count).
export interface Timer<O> {
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

  /** The earliest live timer, dropping dead ones on the way. */
  top(live: (at: number, owner: O, key: string) => boolean): Timer<O> | undefined {
    for (;;) {
      const top = this.#heap[0]
      if (!top || live(top.at, top.owner, top.key)) return top
      this.pop()
    }
  }

  get size(): number {
    return this.#heap.length
  }

  /** Removes the earliest timer. */
  pop(): Timer<O> | undefined {
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
