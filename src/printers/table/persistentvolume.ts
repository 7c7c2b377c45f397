// PersistentVolume and PersistentVolumeClaim rows (printPersistentVolume, printPersistentVolumeClaim):
// capacity as a canonical quantity, access modes abbreviated (RWO,ROX,RWX,RWOP), Terminating while
// deleted, the class from the beta annotation or storageClassName, <unset> for an unset volume attributes
// class or (wide) volume mode. A claim shows capacity and access modes only once it names a volume.
import type {KObject} from '../../api/types.js'

import {parseQuantity} from '../../machinery/quantity.js'
import {since} from '../timestamps.js'
import {col, wide, type TableHandler} from './columns.js'

type Obj = Record<string, unknown>

const specOf = (o: KObject): Obj => (o.spec ?? {}) as Obj
const statusOf = (o: KObject): Obj => (o.status ?? {}) as Obj

/** GetAccessModesAsString: the modes present, in Kubernetes' fixed order, abbreviated. */
export function accessModesText(modes: unknown): string {
  const list = Array.isArray(modes) ? (modes as string[]) : []
  const short: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]
  return short.filter(([m]) => list.includes(m)).map(([, s]) => s).join(',')
}

/** Quantity.String of `list.storage` ("0" when absent, as a zero Quantity prints). */
export function storageText(list: unknown): string {
  const raw = ((list ?? {}) as Obj).storage
  const q = parseQuantity(raw as string | undefined)
  return q ? q.toString() : raw === undefined ? '0' : String(raw)
}

/** GetPersistentVolumeClass / GetPersistentVolumeClaimClass. */
export function volumeClassOf(o: KObject): string {
  return o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ((specOf(o).storageClassName as string | undefined) ?? '')
}

const phaseText = (o: KObject): string => (o.metadata.deletionTimestamp ? 'Terminating' : String(statusOf(o).phase ?? ''))
const unset = (v: unknown): string => (v == null ? '<unset>' : String(v))

export const persistentVolumeTable: TableHandler = {
  columns: [col('Name', 'name'), col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), col('Age'), wide('VolumeMode')],
  clusterScoped: true,
  cells(obj: KObject, now: Date): string[] {
    const spec = specOf(obj)
    const ref = spec.claimRef as {namespace?: string; name?: string} | undefined
    return [
      obj.metadata.name ?? '',
      storageText(spec.capacity),
      accessModesText(spec.accessModes),
      String(spec.persistentVolumeReclaimPolicy ?? ''),
      phaseText(obj),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      volumeClassOf(obj),
      unset(spec.volumeAttributesClassName),
      String(statusOf(obj).reason ?? ''),
      since(obj.metadata.creationTimestamp, now),
      unset(spec.volumeMode),
    ]
  },
}

export const persistentVolumeClaimTable: TableHandler = {
  columns: [col('Name', 'name'), col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), col('Age'), wide('VolumeMode')],
  cells(obj: KObject, now: Date): string[] {
    const spec = specOf(obj)
    const volume = String(spec.volumeName ?? '')
    return [
      obj.metadata.name ?? '',
      phaseText(obj),
      volume,
      volume ? storageText(statusOf(obj).capacity) : '',
      volume ? accessModesText(statusOf(obj).accessModes) : '',
      volumeClassOf(obj),
      unset(spec.volumeAttributesClassName),
      since(obj.metadata.creationTimestamp, now),
      unset(spec.volumeMode),
    ]
  },
}
