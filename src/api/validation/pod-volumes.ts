// Pod volumes (core/validation ValidateVolumes): DNS-label names, unique, exactly one volume source,
// and the required fields of the common sources.
import type {Volume} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {isDNS1123Label} from '../../machinery/names.js'
import {fieldsOf} from '../../machinery/sort-keys.js'

/** Volume source keys in the order Kubernetes checks them, with the path name it reports. */
const SOURCES: [string, string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'], // sic: Kubernetes' own spelling in this message
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
]

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']

/** The one required field of the sources that name what they mount. */
const NAME_FIELDS: Record<string, string> = {secret: 'secretName', configMap: 'name', persistentVolumeClaim: 'claimName'}

function sourceFieldErrors(key: string, src: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = []
  const str = (k: string): string => (typeof src[k] === 'string' ? (src[k] as string) : '')
  const nameField = Object.hasOwn(NAME_FIELDS, key) ? NAME_FIELDS[key] : undefined
  if (nameField) return str(nameField) ? [] : [fieldErr.required(`${path}.${nameField}`)]
  switch (key) {
    case 'hostPath':
      if (!str('path')) return [fieldErr.required(`${path}.path`)]
      if (str('path').split('/').includes('..')) errs.push(fieldErr.invalid(`${path}.path`, str('path'), "must not contain '..'"))
      if (src.type != null && !HOST_PATH_TYPES.includes(String(src.type))) errs.push(fieldErr.notSupported(`${path}.type`, src.type, HOST_PATH_TYPES))
      break
    case 'nfs':
      if (!str('server')) errs.push(fieldErr.required(`${path}.server`))
      if (!str('path')) errs.push(fieldErr.required(`${path}.path`))
      if (!str('path').startsWith('/')) errs.push(fieldErr.invalid(`${path}.path`, str('path'), 'must be an absolute path'))
      break
  }
  return errs
}

function validateSource(vol: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = []
  let count = 0
  for (const [key, name] of SOURCES) {
    const src = vol[key]
    if (src == null) continue
    if (count > 0) {
      errs.push(fieldErr.forbidden(`${path}.${name}`, 'may not specify more than 1 volume type'))
      continue
    }
    count++
    errs.push(...sourceFieldErrors(key, src as Record<string, unknown>, `${path}.${name}`))
  }
  if (count === 0) errs.push(fieldErr.required(path, 'must specify a volume type'))
  return errs
}

/** Errors for spec.volumes, and the names that validated cleanly (mounts may only use those). */
export function validateVolumes(volumes: Volume[] | undefined, path: string): {errs: FieldError[]; names: Set<string>} {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(volumes ?? []).forEach((vol, i) => {
    const p = `${path}[${i}]`
    const el = validateSource(fieldsOf(vol), p)
    if (!vol.name) el.push(fieldErr.required(`${p}.name`))
    else for (const m of isDNS1123Label(vol.name)) el.push(fieldErr.invalid(`${p}.name`, vol.name, m))
    if (names.has(vol.name ?? '')) el.push(fieldErr.duplicate(`${p}.name`, vol.name ?? ''))
    if (el.length === 0) names.add(vol.name ?? '')
    else errs.push(...el)
  })
  return {errs, names}
}
