// The Volumes section of describe pod (describeVolumes): one block per volume with the fields
// describe.go prints for its source type.
import type {PodSpec} from '../../api/types.js'

import {parseQuantity} from '../../machinery/quantity.js'
import {printLabelsMultiline, printAnnotationsMultiline} from './common.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter} from './prefix-writer.js'

type Volume = NonNullable<PodSpec['volumes']>[number]

// image volumes (KEP-4639) are newer than our kubernetes-types
const imageOf = (v: Volume): {reference?: string; pullPolicy?: string} | undefined =>
  (v as {image?: {reference?: string; pullPolicy?: string}}).image

const opt = (o: boolean | undefined): string => String(o === true)

/** A writer that indents everything two more levels, as NewNestedPrefixWriter(w, LEVEL_2) does. */
class NestedWriter extends PrefixWriter {
  constructor(private readonly inner: PrefixWriter, private readonly indent: number) {
    super()
  }

  override write(level: number, text: string): void {
    this.inner.write(level + this.indent, text)
  }

  // nestedPrefixWriter.WriteLine indents its line too
  override writeLine(text = ''): void {
    this.inner.write(this.indent, text + '\n')
  }
}

function printEphemeral(v: NonNullable<Volume['ephemeral']>, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n')
  const tpl = v.volumeClaimTemplate
  if (!tpl) return
  const n = new NestedWriter(w, LEVEL_2)
  const meta = tpl.metadata ?? {}
  const cls = tpl.spec.storageClassName ?? meta.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''
  n.write(LEVEL_0, `StorageClass:\t${cls}\n`)
  n.write(LEVEL_0, `Volume:\t${tpl.spec.volumeName ?? ''}\n`)
  printLabelsMultiline(n, 'Labels', meta.labels)
  printAnnotationsMultiline(n, 'Annotations', meta.annotations)
  n.write(LEVEL_0, 'Capacity:\t\n')
  n.write(LEVEL_0, 'Access Modes:\t\n')
  if (tpl.spec.volumeMode) n.write(LEVEL_0, `VolumeMode:\t${tpl.spec.volumeMode}\n`)
}

function printSource(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`)
  } else if (v.emptyDir) {
    const q = parseQuantity(v.emptyDir.sizeLimit)
    const size = q && q.nanos > 0n ? q.toString() : '<unset>'
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`)
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${opt(v.secret.optional)}\n`)
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${opt(v.configMap.optional)}\n`)
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${opt(v.nfs.readOnly)}\n`)
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${opt(v.persistentVolumeClaim.readOnly)}\n`)
  } else if (v.ephemeral) {
    printEphemeral(v.ephemeral, w)
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else if (v.projected) {
    // printProjectedVolumeSource (kubectl 1.33+): `Optional: false` when unset, as for the plain volumes
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${opt(s.secret.optional)}\n`)
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${opt(s.configMap.optional)}\n`)
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`)
    }
  } else if (v.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${opt(v.csi.readOnly)}\n`)
    const attrs = v.csi.volumeAttributes ?? {}
    const keys = Object.keys(attrs).sort()
    w.write(LEVEL_2, 'VolumeAttributes:\t')
    if (keys.length === 0) w.writeLine('<none>')
    keys.forEach((k, i) => {
      if (i !== 0) {
        w.write(LEVEL_2, '')
        w.write(LEVEL_2, '\t')
      }
      const line = `${k}=${attrs[k]}`
      w.write(LEVEL_2, `${line.length > 140 ? line.slice(0, 140) + '...' : line}\n`)
    })
  } else if (imageOf(v)) {
    const image = imageOf(v)!
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${image.reference ?? ''}\n    PullPolicy:\t${image.pullPolicy ?? ''}\n`)
  } else {
    w.write(LEVEL_1, '<unknown>\n')
  }
}

/** describeVolumes: `Volumes:\t<none>` or one `  <name>:` block per volume. */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space = ''): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    printSource(v, w)
  }
}
