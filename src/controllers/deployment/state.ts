// One Deployment's sync in progress: the Deployment and its ReplicaSets as last written (the cache
// only catches up after the pass), and the writes every step shares — scaling a ReplicaSet with
// its ScalingReplicaSet event, finding or creating the new ReplicaSet, saving the Deployment.
import type {KObject, ObjectOf} from '../../api/types.js'
import type {ControllerContext} from '../types.js'

import {isStatusError} from '../../api/errors.js'
import {deploymentType} from '../../api/kinds/deployment.js'
import {clone} from '../../api/meta.js'
import {rfc3339} from '../../api/types.js'
import {DESIRED_REPLICAS, HASH_LABEL, MAX_REPLICAS, REVISION, maxSurge, newReplicaSetAnnotations, podTemplateHash, replicasOf, revisionOf, setCondition, specOf, templateWithoutHash, type DeploymentCondition} from './util.js'
import {controllerRefFor} from './workload-pods.js'

/** The event source of the Deployment controller. */
export const SOURCE = {component: 'deployment-controller'}
/** A ReplicaSet's spec.replicas (0 when absent, as the controller reads a missing set). */
export const rsReplicas = (rs: KObject | undefined): number => ((rs?.spec as {replicas?: number} | undefined)?.replicas ?? 0)
const created = (o: KObject): number => Date.parse(o.metadata.creationTimestamp ?? '') || 0

/** Mutable working state of one Deployment's sync. */
export class DeploymentSync {
  constructor(
    readonly ctx: ControllerContext,
    public d: KObject,
    /** the ReplicaSets the Deployment controls, oldest first */
    public rsList: KObject[],
    /** the pods of the namespace */
    readonly pods: ObjectOf<'Pod'>[],
  ) {
    this.rsList.sort((a, b) => created(a) - created(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1))
  }

  now(): string {
    return rfc3339(this.ctx.clock.now())
  }

  /** FindNewReplicaSet and the rest: the set whose template equals the Deployment's (ignoring the hash). */
  split(): {newRS?: KObject; oldRSs: KObject[]} {
    const want = templateWithoutHash(specOf(this.d).template)
    const newRS = this.rsList.find((rs) => templateWithoutHash((rs.spec as {template?: never}).template) === want)
    return {newRS, oldRSs: this.rsList.filter((rs) => rs !== newRS)}
  }

  private replace(rs: KObject, next: KObject): KObject {
    this.rsList = this.rsList.map((x) => (x.metadata.uid === rs.metadata.uid ? next : x))
    return next
  }

  /** scaleReplicaSetAndRecordEvent: replicas and the replica annotations, with the event on a size change. */
  scale(rs: KObject, newScale: number): KObject {
    const d = this.d
    const annotations = rs.metadata.annotations ?? {}
    const sizeChange = rsReplicas(rs) !== newScale
    const desired = String(replicasOf(d))
    const max = String(replicasOf(d) + maxSurge(d))
    if (!sizeChange && annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max) return rs
    const next = clone(rs)
    ;(next.spec as {replicas: number}).replicas = newScale
    next.metadata.annotations = {...annotations, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max}
    const stored = this.replace(rs, this.ctx.api.update(next))
    if (sizeChange) {
      const op = newScale > rsReplicas(rs) ? 'up' : 'down'
      this.event(`Scaled ${op} replica set ${rs.metadata.name} from ${rsReplicas(rs)} to ${newScale}`)
    }
    return stored
  }

  event(message: string): void {
    this.ctx.recorder.record({involved: this.d, type: 'Normal', reason: 'ScalingReplicaSet', message, source: SOURCE})
  }

  /** Writes the Deployment's annotations and status if `change` altered them. */
  saveDeployment(change: (d: KObject) => void): void {
    const next = clone(this.d)
    change(next)
    if (JSON.stringify(next) === JSON.stringify(this.d)) return
    this.d = this.ctx.api.update(next)
  }

  setProgressing(status: string, reason: string, message: string, d: KObject): void {
    const st = (d.status ??= {}) as {conditions?: DeploymentCondition[]}
    const now = this.now()
    st.conditions = setCondition(st.conditions ?? [], {type: 'Progressing', status, lastUpdateTime: now, lastTransitionTime: now, reason, message})
  }

  /** getNewReplicaSet: syncs an existing new set's revision, or creates it when asked. */
  newReplicaSet(create: boolean, newReplicas: (size: number) => number): KObject | undefined {
    const {newRS, oldRSs} = this.split()
    const revision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1)
    if (newRS) {
      let rs = newRS
      const minReady = specOf(this.d).minReadySeconds ?? 0
      const rsMinReady = (rs.spec as {minReadySeconds?: number}).minReadySeconds ?? 0
      if (revisionOf(rs) < Number(revision) || minReady !== rsMinReady) {
        const next = clone(rs)
        if (revisionOf(rs) < Number(revision)) next.metadata.annotations = {...next.metadata.annotations, [REVISION]: revision}
        if (minReady) (next.spec as {minReadySeconds?: number}).minReadySeconds = minReady
        else delete (next.spec as {minReadySeconds?: number}).minReadySeconds
        rs = this.replace(rs, this.ctx.api.update(next))
      }
      const rsRevision = rs.metadata.annotations?.[REVISION] ?? revision
      this.saveDeployment((d) => {
        d.metadata.annotations = {...d.metadata.annotations, [REVISION]: rsRevision}
        const conds = ((d.status as {conditions?: DeploymentCondition[]} | undefined)?.conditions ?? [])
        if (!conds.some((c) => c.type === 'Progressing')) this.setProgressing('True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, d)
      })
      return rs
    }
    if (!create) return undefined
    return this.createNewReplicaSet(revision, newReplicas)
  }

  private createNewReplicaSet(revision: string, newReplicas: (size: number) => number): KObject | undefined {
    const d = this.d
    const spec = specOf(d)
    const collisionCount = (d.status as {collisionCount?: number} | undefined)?.collisionCount
    const hash = podTemplateHash(spec.template, collisionCount)
    const template = clone(spec.template ?? {})
    template.metadata = {...template.metadata, labels: {...template.metadata?.labels, [HASH_LABEL]: hash}}
    const selector = clone(spec.selector ?? {})
    selector.matchLabels = {...selector.matchLabels, [HASH_LABEL]: hash}
    const replicas = newReplicas(0)
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: {...template.metadata.labels},
        annotations: newReplicaSetAnnotations(d, revision),
        ownerReferences: [controllerRefFor(d)],
      },
      spec: {replicas, ...(spec.minReadySeconds ? {minReadySeconds: spec.minReadySeconds} : {}), selector, template},
    }
    let stored: KObject
    try {
      stored = this.ctx.api.create(rs).object
    } catch (error) {
      if (!isStatusError(error, 'AlreadyExists')) throw error
      // a set of that name that is not ours, or not of this template: a hash collision
      this.saveDeployment((x) => {
        x.status = {...(x.status as object), collisionCount: (collisionCount ?? 0) + 1}
      })
      return undefined
    }
    this.rsList.push(stored)
    if (replicas > 0) this.event(`Scaled up replica set ${stored.metadata.name} from 0 to ${replicas}`)
    this.saveDeployment((x) => {
      x.metadata.annotations = {...x.metadata.annotations, [REVISION]: revision}
      this.setProgressing('True', 'NewReplicaSetCreated', `Created new replica set "${stored.metadata.name}"`, x)
    })
    return stored
  }

  /** Pods controlled by a ReplicaSet. */
  podsOf(rs: KObject): ObjectOf<'Pod'>[] {
    return this.pods.filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === rs.metadata.uid))
  }

  /** Re-reads the Deployment (after a write elsewhere) — used at the start of each sync. */
  static current(ctx: ControllerContext, d: KObject): KObject | undefined {
    return ctx.api.peek(deploymentType.kind, d.metadata.namespace ?? 'default', d.metadata.name!)
  }
}
