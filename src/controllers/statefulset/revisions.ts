// getStatefulSetRevisions: the set's current and update ControllerRevisions. The update revision is
// the newest revision when its template is the set's, an older equal one renumbered to the newest (a
// roll back), or a new one; the current revision is the one status names, else the update revision.
import type {KObject} from '../../api/types.js'
import type {ControllerContext} from '../types.js'

import {clone} from '../../api/meta.js'
import {createRevision, equalRevision, newRevision, nextRevisionNumber, ownedRevisions, renumberRevision, revisionTemplate, sortRevisions, templatePatch, type Revision, type RevisionSpec} from '../history.js'
import {specOf} from './pods.js'

/** The revisions of one sync. */
export interface SetRevisions {
  /** every revision the set controls, oldest first (before this sync's create or renumber) */
  revisions: Revision[]
  current: Revision
  update: Revision
  collisionCount: number
}

/** newRevision's content for a StatefulSet: the template patch, the template's labels, the set's annotations. */
function revisionSpec(set: KObject, revision: number): RevisionSpec {
  return {data: templatePatch(set), revision, labels: {...specOf(set).template?.metadata?.labels}, annotations: set.metadata.annotations}
}

/** getStatefulSetRevisions. */
export function statefulSetRevisions(ctx: ControllerContext, set: KObject): SetRevisions {
  const revisions = sortRevisions(ownedRevisions(ctx, set))
  const collision = {count: ((set.status ?? {}) as {collisionCount?: number}).collisionCount ?? 0}
  const spec = revisionSpec(set, nextRevisionNumber(revisions))
  const candidate = newRevision(set, spec, collision.count)
  const equal = revisions.filter((r) => equalRevision(r, candidate))
  const last = revisions[revisions.length - 1]
  let update: Revision
  if (equal.length > 0 && last && equal[equal.length - 1].metadata.name === last.metadata.name) update = last
  else if (equal.length > 0) update = renumberRevision(ctx, equal[equal.length - 1], spec.revision)
  else update = createRevision(ctx, set, spec, collision)
  const statusCurrent = ((set.status ?? {}) as {currentRevision?: string}).currentRevision
  const current = revisions.find((r) => r.metadata.name === statusCurrent) ?? update
  return {revisions, current, update, collisionCount: collision.count}
}

/** ApplyRevision: the set with the revision's template. */
export function applyRevision(set: KObject, rev: Revision): KObject {
  const out = clone(set)
  ;(out.spec as {template?: unknown}).template = revisionTemplate(rev)
  return out
}
