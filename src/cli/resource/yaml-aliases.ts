// go-yaml's defence against alias bombs ("billion laughs"): while decoding it counts every node it
// visits and every node visited inside an alias expansion, and gives up with "document contains
// excessive aliasing" once the expanded share exceeds a ratio that tightens as the document grows
// (yaml.v2 decode.go, allowedAliasRatio). js-yaml hands back one shared object for every alias of an
// anchor, so the expansion only happens later, in JSON.stringify: we replay go-yaml's count on the
// decoded value (a second visit of the same object is an alias) and stop as soon as the limit is hit,
// before anything is expanded.

const RATIO_RANGE_LOW = 400_000
const RATIO_RANGE_HIGH = 4_000_000
const RATIO_RANGE = RATIO_RANGE_HIGH - RATIO_RANGE_LOW

/** The share of alias-expanded nodes go-yaml allows after decoding `decodeCount` nodes. */
export function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1
  return 0.99 - 0.89 * ((decodeCount - RATIO_RANGE_LOW) / RATIO_RANGE)
}

export const EXCESSIVE_ALIASING = 'yaml: document contains excessive aliasing'

class TooManyAliases extends Error {}

/**
 * go-yaml's error for a decoded document whose aliases expand too far, or undefined. A cyclic value
 * (an anchor that contains its own alias) expands without end and so fails the same way.
 */
export function excessiveAliasing(value: unknown): string | undefined {
  const seen = new Set<object>()
  let decoded = 0
  let aliased = 0
  const count = (inAlias: boolean): void => {
    decoded++
    if (inAlias) aliased++
    if (aliased > 100 && decoded > 1000 && aliased / decoded > allowedAliasRatio(decoded)) throw new TooManyAliases()
  }
  const visit = (v: unknown, inAlias: boolean): void => {
    if (v === null || typeof v !== 'object') {
      count(inAlias)
      return
    }
    if (seen.has(v)) {
      // the alias node itself, then its anchor's nodes once more
      count(inAlias)
      inAlias = true
    } else {
      seen.add(v)
    }
    count(inAlias)
    if (Array.isArray(v)) {
      for (const item of v) visit(item, inAlias)
      return
    }
    for (const [, item] of Object.entries(v)) {
      count(inAlias) // the key
      visit(item, inAlias)
    }
  }
  try {
    visit(value, false)
    return undefined
  } catch (error) {
    if (error instanceof TooManyAliases) return EXCESSIVE_ALIASING
    throw error
  }
}

/**
 * go-yaml's error for an anchor whose value holds an alias of itself (`a: &a {b: *a}`), which go-yaml
 * refuses while decoding ("anchor 'a' value contains itself") and js-yaml turns into a cyclic value.
 * `anchors` is js-yaml's anchor map for the document. Each object is explored once (a finished one is
 * known to hold no cycle), so a document full of aliases is checked in time linear in its nodes.
 */
export function selfContainingAnchor(value: unknown, anchors: Record<string, unknown>): string | undefined {
  const onPath = new Set<object>()
  const done = new Set<object>()
  const visit = (v: unknown): object | undefined => {
    if (v === null || typeof v !== 'object' || done.has(v)) return undefined
    if (onPath.has(v)) return v
    onPath.add(v)
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      const cycle = visit(item)
      if (cycle) return cycle
    }
    onPath.delete(v)
    done.add(v)
    return undefined
  }
  const cycle = visit(value)
  if (!cycle) return undefined
  const name = Object.keys(anchors).find((k) => anchors[k] === cycle) ?? ''
  return `yaml: anchor '${name}' value contains itself`
}
