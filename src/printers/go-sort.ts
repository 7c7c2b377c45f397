// Go's sort.Sort (pattern-defeating quicksort, Go ≥ 1.19), step for step. kubectl's --sort-by uses it,
// so equal keys — and rows missing the key, whose Less is always true — end up in exactly the order
// Go leaves them, which a stable sort would not reproduce. breakPatterns' xorshift is the 64-bit one of
// the Go kubectl 1.35.2 is built with (shifts 13, 7, 17; kubectl 1.32's Go shifted 13, 17, 5): checked
// against kubectl 1.35.2's --sort-by and events order on long lists of ties, through `ksim serve`.

/** The three operations sort.Interface gives the algorithm. */
interface Data {
  less(i: number, j: number): boolean
  swap(i: number, j: number): void
}

const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

const bitsLen = (n: number): number => (n <= 0 ? 0 : n.toString(2).length)
const MASK64 = (1n << 64n) - 1n

/** sort.Sort over indexes 0..n-1. */
export function goSort(n: number, less: (i: number, j: number) => boolean, swap: (i: number, j: number) => void): void {
  if (n <= 1) return
  pdqsort({less, swap}, 0, n, bitsLen(n))
}

function insertionSort(d: Data, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1)
  }
}

function siftDown(d: Data, lo: number, hi: number, first: number): void {
  let root = lo
  for (;;) {
    let child = 2 * root + 1
    if (child >= hi) return
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++
    if (!d.less(first + root, first + child)) return
    d.swap(first + root, first + child)
    root = child
  }
}

function heapSort(d: Data, a: number, b: number): void {
  const hi = b - a
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, a)
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(a, a + i)
    siftDown(d, 0, i, a)
  }
}

function pdqsort(d: Data, a: number, b: number, limit: number): void {
  let wasBalanced = true
  let wasPartitioned = true
  for (;;) {
    const length = b - a
    if (length <= 12) return insertionSort(d, a, b)
    if (limit === 0) return heapSort(d, a, b)
    if (!wasBalanced) {
      breakPatterns(d, a, b)
      limit--
    }
    let [pivot, hint] = choosePivot(d, a, b)
    if (hint === Hint.Decreasing) {
      reverseRange(d, a, b)
      pivot = b - 1 - (pivot - a)
      hint = Hint.Increasing
    }
    if (wasBalanced && wasPartitioned && hint === Hint.Increasing && partialInsertionSort(d, a, b)) return
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot)
      continue
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot)
    wasPartitioned = alreadyPartitioned
    const leftLen = mid - a
    const rightLen = b - mid
    const balanceThreshold = Math.floor(length / 8)
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold
      pdqsort(d, a, mid, limit)
      a = mid + 1
    } else {
      wasBalanced = rightLen >= balanceThreshold
      pdqsort(d, mid + 1, b, limit)
      b = mid
    }
  }
}

function partition(d: Data, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  while (i <= j && d.less(i, a)) i++
  while (i <= j && !d.less(j, a)) j--
  if (i > j) {
    d.swap(j, a)
    return [j, true]
  }
  d.swap(i, j)
  i++
  j--
  for (;;) {
    while (i <= j && d.less(i, a)) i++
    while (i <= j && !d.less(j, a)) j--
    if (i > j) break
    d.swap(i, j)
    i++
    j--
  }
  d.swap(j, a)
  return [j, false]
}

function partitionEqual(d: Data, a: number, b: number, pivot: number): number {
  d.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  for (;;) {
    while (i <= j && !d.less(a, i)) i++
    while (i <= j && d.less(a, j)) j--
    if (i > j) break
    d.swap(i, j)
    i++
    j--
  }
  return i
}

function partialInsertionSort(d: Data, a: number, b: number): boolean {
  let i = a + 1
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++
    if (i === b) return true
    if (b - a < 50) return false
    d.swap(i, i - 1)
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break
        d.swap(j, j - 1)
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break
        d.swap(j, j - 1)
      }
    }
  }
  return false
}

function breakPatterns(d: Data, a: number, b: number): void {
  const length = b - a
  if (length < 8) return
  let random = BigInt(length)
  const modulus = 2 ** bitsLen(length)
  const mid = a + Math.floor(length / 4) * 2
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    random ^= (random << 13n) & MASK64
    random ^= random >> 7n
    random ^= (random << 17n) & MASK64
    let other = Number(random & BigInt(modulus - 1))
    if (other >= length) other -= length
    d.swap(idx, a + other)
  }
}

function choosePivot(d: Data, a: number, b: number): [number, Hint] {
  const l = b - a
  const swaps = {n: 0}
  let i = a + Math.floor(l / 4)
  let j = a + Math.floor(l / 4) * 2
  let k = a + Math.floor(l / 4) * 3
  if (l >= 8) {
    if (l >= 50) {
      i = median(d, i - 1, i, i + 1, swaps)
      j = median(d, j - 1, j, j + 1, swaps)
      k = median(d, k - 1, k, k + 1, swaps)
    }
    j = median(d, i, j, k, swaps)
  }
  if (swaps.n === 0) return [j, Hint.Increasing]
  if (swaps.n === 12) return [j, Hint.Decreasing]
  return [j, Hint.Unknown]
}

function order2(d: Data, a: number, b: number, swaps: {n: number}): [number, number] {
  if (d.less(b, a)) {
    swaps.n++
    return [b, a]
  }
  return [a, b]
}

function median(d: Data, a: number, b: number, c: number, swaps: {n: number}): number {
  ;[a, b] = order2(d, a, b, swaps)
  ;[b, c] = order2(d, b, c, swaps)
  ;[a, b] = order2(d, a, b, swaps)
  return b
}

function reverseRange(d: Data, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j)
}
