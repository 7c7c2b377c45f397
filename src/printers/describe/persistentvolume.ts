// describe pv and describe pvc (describePersistentVolume, describePersistentVolumeClaim): metadata with
// the finalizers as Go prints a string slice, the class, the phase (or how long it has been terminating),
// the claim or volume, access modes, volume mode, capacity; a PV's node affinity, message and source; a
// claim's pods (`Used By`) and conditions; then events.
import type {KObject} from '../../api/types.js'

import {rfc1123z, since} from '../timestamps.js'
import {accessModesText, storageText, volumeClassOf} from '../table/persistentvolume.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter} from './prefix-writer.js'
import {printPVSource} from './pv-source.js'

type Obj = Record<string, unknown>
type Requirement = {key?: string; operator?: string; values?: string[]}

const specOf = (o: KObject): Obj => (o.spec ?? {}) as Obj
const statusOf = (o: KObject): Obj => (o.status ?? {}) as Obj
const finalizers = (o: KObject): string => `[${(o.metadata.finalizers ?? []).join(' ')}]`

function writeStatus(w: PrefixWriter, o: KObject, now: Date): void {
  if (o.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(o.metadata.deletionTimestamp, now)})\n`)
  else w.write(LEVEL_0, `Status:\t${String(statusOf(o).phase ?? '')}\n`)
}

/** printVolumeNodeAffinity: the required terms, one expression a line. */
function printNodeAffinity(w: PrefixWriter, affinity: Obj | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  const required = affinity?.required as {nodeSelectorTerms?: {matchExpressions?: Requirement[]}[]} | undefined
  if (!required) return void w.writeLine('<none>')
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = required.nodeSelectorTerms ?? []
  if (terms.length === 0) return void w.writeLine('<none>')
  w.writeLine('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const reqs = term.matchExpressions ?? []
    if (reqs.length === 0) return void w.writeLine('<none>')
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      const values = (req.values ?? []).length > 0 ? ` [${req.values!.join(', ')}]` : ''
      w.write(LEVEL_0, `${req.key ?? ''} ${(req.operator ?? '').toLowerCase()}${values}\n`)
    })
  })
}

/** kubectl describe pv. */
export function describePersistentVolume(pv: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const spec = specOf(pv)
  w.write(LEVEL_0, `Name:\t${pv.metadata.name ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', pv.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
  w.write(LEVEL_0, `Finalizers:\t${finalizers(pv)}\n`)
  w.write(LEVEL_0, `StorageClass:\t${volumeClassOf(pv)}\n`)
  writeStatus(w, pv, ctx.now)
  const ref = spec.claimRef as {namespace?: string; name?: string} | undefined
  w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`)
  w.write(LEVEL_0, `Reclaim Policy:\t${String(spec.persistentVolumeReclaimPolicy ?? '')}\n`)
  w.write(LEVEL_0, `Access Modes:\t${accessModesText(spec.accessModes)}\n`)
  if (spec.volumeMode != null) w.write(LEVEL_0, `VolumeMode:\t${String(spec.volumeMode)}\n`)
  w.write(LEVEL_0, `Capacity:\t${storageText(spec.capacity)}\n`)
  printNodeAffinity(w, spec.nodeAffinity as Obj | undefined)
  w.write(LEVEL_0, `Message:\t${String(statusOf(pv).message ?? '')}\n`)
  w.write(LEVEL_0, 'Source:\n')
  printPVSource(spec, w)
  return endWithEvents(w, ctx)
}

/** getPodsForPVC: the pods naming the claim in a volume, then the pods owning it; sorted by name. */
function podsUsing(pvc: KObject, pods: KObject[]): string[] {
  const names = new Set<string>()
  for (const pod of pods) {
    const volumes = ((pod.spec as {volumes?: {persistentVolumeClaim?: {claimName?: string}}[]} | undefined)?.volumes ?? [])
    if (volumes.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name)) names.add(pod.metadata.name ?? '')
  }
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    const owner = ref.kind === 'Pod' ? pods.find((p) => p.metadata.uid === ref.uid) : undefined
    if (owner) names.add(owner.metadata.name ?? '')
  }
  return [...names].sort()
}

type Condition = {type?: string; status?: string; lastProbeTime?: string; lastTransitionTime?: string; reason?: string; message?: string}

/** kubectl describe pvc; `ctx.pods`: the pods of the claim's namespace. */
export function describePersistentVolumeClaim(pvc: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const spec = specOf(pvc)
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `StorageClass:\t${volumeClassOf(pvc)}\n`)
  writeStatus(w, pvc, ctx.now)
  const volume = String(spec.volumeName ?? '')
  w.write(LEVEL_0, `Volume:\t${volume}\n`)
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
  w.write(LEVEL_0, `Finalizers:\t${finalizers(pvc)}\n`)
  w.write(LEVEL_0, `Capacity:\t${volume ? storageText(statusOf(pvc).capacity) : ''}\n`)
  w.write(LEVEL_0, `Access Modes:\t${volume ? accessModesText(statusOf(pvc).accessModes) : ''}\n`)
  if (spec.volumeMode != null) w.write(LEVEL_0, `VolumeMode:\t${String(spec.volumeMode)}\n`)
  const source = spec.dataSource as {apiGroup?: string; kind?: string; name?: string} | undefined
  if (source) {
    w.write(LEVEL_0, 'DataSource:\n')
    if (source.apiGroup != null) w.write(LEVEL_1, `APIGroup:\t${source.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${source.kind ?? ''}\n`)
    w.write(LEVEL_1, `Name:\t${source.name ?? ''}\n`)
  }
  const users = podsUsing(pvc, ctx.pods ?? [])
  w.write(LEVEL_0, 'Used By:\t')
  if (users.length === 0) w.writeLine('<none>')
  users.forEach((name, i) => w.write(LEVEL_0, i === 0 ? `${name}\n` : `\t${name}\n`))
  const conditions = (statusOf(pvc).conditions ?? []) as Condition[]
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  return endWithEvents(w, ctx)
}
