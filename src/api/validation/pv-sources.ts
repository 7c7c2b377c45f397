// A PersistentVolume's source (ValidatePersistentVolumeSpec's volume types): exactly one, checked in
// Kubernetes' order, with the required fields of the sources users write by hand (hostPath, nfs, local,
// gcePersistentDisk, awsElasticBlockStore, csi). Note Kubernetes' own path quirks: a gcePersistentDisk's
// errors are reported under `spec.persistentDisk`, a cephfs' under `spec.cephfs`.
import {fieldErr, type FieldError} from '../errors.js'

type Obj = Record<string, unknown>

/** [field, the path its errors are reported at]; flexVolume counts but never conflicts, as in Kubernetes. */
const SOURCES: [string, string][] = [
  ['hostPath', 'hostPath'], ['gcePersistentDisk', 'persistentDisk'], ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['nfs', 'nfs'], ['rbd', 'rbd'], ['quobyte', 'quobyte'],
  ['cephfs', 'cephfs'], ['iscsi', 'iscsi'], ['cinder', 'cinder'], ['fc', 'fc'], ['flexVolume', 'flexVolume'],
  ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'], ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'], ['scaleIO', 'scaleIO'], ['local', 'local'],
  ['storageos', 'storageos'], ['csi', 'csi'],
]

/** Every field of PersistentVolumeSource (the part of a PV's spec that never changes). */
export const PV_SOURCE_KEYS = SOURCES.map(([k]) => k)

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']

const str = (src: Obj, k: string): string => (typeof src[k] === 'string' ? (src[k] as string) : '')

/** The required fields of one source. */
function sourceErrors(key: string, src: Obj, path: string): FieldError[] {
  const errs: FieldError[] = []
  const need = (k: string): void => void (str(src, k) === '' && errs.push(fieldErr.required(`${path}.${k}`, '')))
  switch (key) {
    case 'hostPath':
      if (!str(src, 'path')) return [fieldErr.required(`${path}.path`, '')]
      if (str(src, 'path').split('/').includes('..')) errs.push(fieldErr.invalid(`${path}.path`, str(src, 'path'), "must not contain '..'"))
      if (src.type != null && !HOST_PATH_TYPES.includes(String(src.type))) errs.push(fieldErr.notSupported(`${path}.type`, src.type, HOST_PATH_TYPES))
      break
    case 'nfs':
      need('server')
      need('path')
      if (!str(src, 'path').startsWith('/')) errs.push(fieldErr.invalid(`${path}.path`, str(src, 'path'), 'must be an absolute path'))
      break
    case 'gcePersistentDisk':
      need('pdName')
      break
    case 'awsElasticBlockStore':
      need('volumeID')
      break
    case 'local':
      need('path')
      break
    case 'csi':
      need('driver')
      need('volumeHandle')
      break
  }
  return errs
}

/** Exactly one volume type, its fields checked; a local volume needs node affinity. */
export function validatePVSource(spec: Obj): FieldError[] {
  const errs: FieldError[] = []
  let count = 0
  for (const [key, path] of SOURCES) {
    const src = spec[key]
    if (src == null) continue
    if (count > 0 && key !== 'flexVolume') {
      errs.push(fieldErr.forbidden(`spec.${key}`, 'may not specify more than 1 volume type'))
      continue
    }
    count++
    errs.push(...sourceErrors(key, src as Obj, `spec.${path}`))
    const required = (spec.nodeAffinity as Obj | undefined)?.required as Obj | undefined
    if (key === 'local' && !required) errs.push(fieldErr.required('spec.nodeAffinity', 'Local volume requires node affinity'))
  }
  if (count === 0) errs.push(fieldErr.required('spec', 'must specify a volume type'))
  return errs
}
