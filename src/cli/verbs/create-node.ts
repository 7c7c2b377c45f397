// `ksim create node NAME`: a new simulated node, registered Ready as a kubelet registers it, with the
// cluster profile's capacity unless --cpu / --memory say otherwise. Its kubelet starts heartbeating
// with the next reconciler pass.
import type {Api} from '../../api/server.js'
import type {Taint} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../api/types.js'

import {defaultProfile} from '../../api/cluster-profile.js'
import {nodeType} from '../../api/kinds/node.js'
import {quantityError} from '../../machinery/quantity.js'
import {nodeObject} from '../../cluster/bootstrap.js'
import {nextZoneLabels, ZONE_LABEL} from '../../cluster/zones.js'
import {CliError, FlagError} from '../errors.js'

export interface CreateNodeOptions {
  cpu?: string
  memory?: string
  /** `k=v,k2=v2` */
  labels?: string
  /** `k=v:Effect,k2:Effect` */
  taints?: string
}

/** Parses `k=v,k2=v2`. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(',').filter(Boolean)) {
    const i = part.indexOf('=')
    if (i <= 0) throw new CliError(`invalid label spec: ${part}`)
    out[part.slice(0, i)] = part.slice(i + 1)
  }
  return out
}

/** Parses taints as kubectl taint writes them: `key=value:Effect` or `key:Effect`, comma-separated. */
export function parseTaints(text: string): Taint[] {
  return text
    .split(',')
    .filter(Boolean)
    .map((spec) => {
      const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(spec)
      if (!m) throw new CliError(`invalid taint spec: ${spec}`)
      return {key: m[1], ...(m[2] ? {value: m[2]} : {}), effect: m[3]}
    })
}

/** Builds the Node object for `create node`; index picks a free pod CIDR and address. */
export function newNode(api: Api, name: string, o: CreateNodeOptions): KObject {
  for (const [flag, v] of [['cpu', o.cpu], ['memory', o.memory]] as const) {
    if (v !== undefined && quantityError(v)) throw new FlagError(`invalid argument "${v}" for "--${flag}" flag: ${quantityError(v)}`)
  }
  const profile = api.profile() ?? {...defaultProfile, name: 'ksim'}
  let index = 0
  const nodes = api.list(nodeType, undefined).items
  for (const n of nodes) {
    const m = /^10\.244\.(\d+)\.0\/24$/.exec(String((n.spec as {podCIDR?: string} | undefined)?.podCIDR ?? ''))
    if (m) index = Math.max(index, Number(m[1]) + 1)
  }
  const p = {nodeCpu: o.cpu ?? profile.nodeCpu, nodeMemory: o.memory ?? profile.nodeMemory, maxPods: profile.maxPods}
  const labels = o.labels ? parseLabels(o.labels) : {}
  // in a cluster with zones, the new node joins the emptiest zone unless given one
  const zone = ZONE_LABEL in labels ? {} : nextZoneLabels(profile.zones ?? 0, nodes.map((n) => n.metadata.labels?.[ZONE_LABEL]))
  return nodeObject(name, index, p, {controlPlane: false, tainted: false, now: api.clock.now(), labels: {...zone, ...labels}, taints: o.taints ? parseTaints(o.taints) : undefined})
}
