// A DaemonSet's revisions (constructHistory, snapshot, dedupCurHistories, cleanupHistory): the current
// revision is the one whose stored patch is the DaemonSet's template (renumbered to the newest if it
// was an older one: a roll back), else a new `<ds>-<hash>` with the pod-template hash in its
// `controller-revision-hash` label; old revisions beyond revisionHistoryLimit that no pod still runs
// are deleted, oldest first.
import type {KObject} from '../../api/types.js'
import type {ControllerContext} from '../types.js'

import {podTemplateHash} from '../deployment/util.js'
import {controllerRevisionType} from '../../api/kinds/controllerrevision.js'
import {isStatusError} from '../../api/errors.js'
import {controllerRefFor} from '../deployment/workload-pods.js'
import {equalRevision, ownedRevisions, renumberRevision, sortRevisions, templatePatch, type Revision} from '../history.js'
import {REVISION_LABEL, templateOf} from './nodes.js'

export interface DaemonSetHistory {
  current: Revision
  /** the other revisions, oldest first */
  old: Revision[]
  hash: string
}

const collisionOf = (ds: KObject): number | undefined => ((ds.status ?? {}) as {collisionCount?: number}).collisionCount

/** snapshot: creates the revision; a name held by a different revision raises the collision count. */
function snapshot(ctx: ControllerContext, ds: KObject, revision: number): Revision {
  const hash = podTemplateHash(templateOf(ds), collisionOf(ds))
  const rev = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`,
      namespace: ds.metadata.namespace,
      labels: {...templateOf(ds).metadata?.labels, [REVISION_LABEL]: hash},
      ...(ds.metadata.annotations ? {annotations: {...ds.metadata.annotations}} : {}),
      ownerReferences: [controllerRefFor(ds)],
    },
    data: templatePatch(ds),
    revision,
  } as Revision
  const existing = ctx.api.peek('ControllerRevision', ds.metadata.namespace ?? 'default', rev.metadata.name!) as Revision | undefined
  if (!existing) return ctx.api.create(rev).object as Revision
  if (equalRevision(existing, rev)) return existing
  ctx.api.modify(ctx.api.typeOf(ds), ds.metadata.namespace ?? 'default', ds.metadata.name!, (o) => {
    const status = (o.status ?? {}) as {collisionCount?: number}
    o.status = {...status, collisionCount: (status.collisionCount ?? 0) + 1}
  })
  throw new Error(`found a stale collision count for DaemonSet ${ds.metadata.name}; the next pass retries`)
}

/** constructHistory. */
export function constructHistory(ctx: ControllerContext, ds: KObject): DaemonSetHistory {
  const revisions = sortRevisions(ownedRevisions(ctx, ds))
  const wanted = {data: templatePatch(ds)} as unknown as KObject
  const matching = revisions.filter((r) => equalRevision(r, wanted))
  const old = revisions.filter((r) => !matching.includes(r))
  const next = Math.max(0, ...old.map((r) => (r.revision as number | undefined) ?? 0)) + 1
  let current: Revision
  if (matching.length === 0) current = snapshot(ctx, ds, next)
  else {
    // dedupCurHistories keeps the newest of equal revisions
    current = matching[matching.length - 1]
    for (const extra of matching.slice(0, -1)) deleteRevision(ctx, extra)
    if (((current.revision as number | undefined) ?? 0) < next) current = renumberRevision(ctx, current, next)
  }
  return {current, old, hash: current.metadata.labels?.[REVISION_LABEL] ?? ''}
}

function deleteRevision(ctx: ControllerContext, rev: Revision): void {
  try {
    ctx.api.delete(controllerRevisionType, rev.metadata.namespace ?? 'default', rev.metadata.name!, {})
  } catch (error) {
    if (!isStatusError(error, 'NotFound')) throw error
  }
}

/** cleanupHistory: keeps revisionHistoryLimit old revisions plus those a pod still runs. */
export function cleanupHistory(ctx: ControllerContext, ds: KObject, old: Revision[], pods: KObject[]): void {
  const limit = ((ds.spec ?? {}) as {revisionHistoryLimit?: number}).revisionHistoryLimit ?? 10
  let toKill = old.length - limit
  if (toKill <= 0) return
  const live = new Set(pods.map((p) => p.metadata.labels?.[REVISION_LABEL]).filter(Boolean))
  for (const rev of old) {
    if (toKill <= 0) break
    if (live.has(rev.metadata.labels?.[REVISION_LABEL])) continue
    deleteRevision(ctx, rev)
    toKill--
  }
}
