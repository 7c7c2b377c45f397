// Failure domains: a cluster made with `--zones N` spreads its nodes round-robin over the zones
// `zone-a`, `zone-b`, … of one region (`region-1`), as a cloud provider labels its nodes with
// topology.kubernetes.io/zone and topology.kubernetes.io/region. A node added later goes to the zone
// with the fewest nodes (the first by name on a tie), unless it is given a zone label itself.
export const ZONE_LABEL = 'topology.kubernetes.io/zone'
export const REGION_LABEL = 'topology.kubernetes.io/region'
export const REGION = 'region-1'
/** zone-a … zone-z */
export const MAX_ZONES = 26

/** The name of the i-th zone (0-based). */
export const zoneName = (i: number): string => `zone-${String.fromCharCode(97 + i)}`

/** The topology labels of the node at `index` in a cluster of `zones` zones ({} when zones is 0). */
export function zoneLabels(zones: number, index: number): Record<string, string> {
  return zones > 0 ? {[REGION_LABEL]: REGION, [ZONE_LABEL]: zoneName(index % zones)} : {}
}

/** The topology labels for a new node, given the zone labels of the nodes there are. */
export function nextZoneLabels(zones: number, existing: (string | undefined)[]): Record<string, string> {
  if (zones <= 0) return {}
  const counts = Array.from({length: zones}, (_, i) => existing.filter((z) => z === zoneName(i)).length)
  const least = counts.indexOf(Math.min(...counts))
  return {[REGION_LABEL]: REGION, [ZONE_LABEL]: zoneName(least)}
}
