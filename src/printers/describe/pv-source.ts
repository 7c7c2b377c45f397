// The Source section of describe pv (describePersistentVolume's switch): one block per volume type, the
// fields describe.go prints for the types written by hand (hostPath, gcePersistentDisk, awsElasticBlockStore,
// nfs, local, csi); `<unknown>` for the rest, as kubectl prints for a type it does not know.
import {LEVEL_1, LEVEL_2, type PrefixWriter} from './prefix-writer.js'

type Obj = Record<string, unknown>

const text = (v: unknown): string => (v == null ? '' : String(v))
const flag = (v: unknown): string => String(v === true)

/** printCSIPersistentVolumeAttributesMultiline, with its odd indentation of every further key. */
function printAttributes(w: PrefixWriter, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t')
  const keys = Object.keys(attributes ?? {}).sort()
  if (keys.length === 0) return void w.writeLine('<none>')
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '')
      w.write(LEVEL_2, '\t')
    }
    const line = `${key}=${attributes![key]}`
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`)
  })
}

/** Writes the source block of a PV's spec. */
export function printPVSource(spec: Obj, w: PrefixWriter): void {
  const src = (k: string): Obj | undefined => (spec[k] == null ? undefined : (spec[k] as Obj))
  let s: Obj | undefined
  if ((s = src('hostPath'))) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${text(s.path)}\n    HostPathType:\t${s.type == null ? '<none>' : text(s.type)}\n`)
  } else if ((s = src('gcePersistentDisk'))) {
    w.write(LEVEL_2, `Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t${text(s.pdName)}\n    FSType:\t${text(s.fsType)}\n    Partition:\t${Number(s.partition ?? 0)}\n    ReadOnly:\t${flag(s.readOnly)}\n`)
  } else if ((s = src('awsElasticBlockStore'))) {
    w.write(LEVEL_2, `Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t${text(s.volumeID)}\n    FSType:\t${text(s.fsType)}\n    Partition:\t${Number(s.partition ?? 0)}\n    ReadOnly:\t${flag(s.readOnly)}\n`)
  } else if ((s = src('nfs'))) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${text(s.server)}\n    Path:\t${text(s.path)}\n    ReadOnly:\t${flag(s.readOnly)}\n`)
  } else if ((s = src('local'))) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${text(s.path)}\n`)
  } else if ((s = src('csi'))) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${text(s.driver)}\n    FSType:\t${text(s.fsType)}\n    VolumeHandle:\t${text(s.volumeHandle)}\n    ReadOnly:\t${flag(s.readOnly)}\n`)
    printAttributes(w, s.volumeAttributes as Record<string, string> | undefined)
  } else {
    w.write(LEVEL_1, '<unknown>\n')
  }
}
