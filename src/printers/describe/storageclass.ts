// describe storageclass (kubectl's StorageClassDescriber): name, whether it is the default class,
// annotations and parameters on one line each, expansion, mount options, reclaim policy, binding
// mode, then events.
import type {KObject} from '../../api/types.js'

import {formatLabels} from '../table/index.js'
import {isDefaultClass} from '../table/storageclass.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, LEVEL_1, PrefixWriter} from './prefix-writer.js'

/** printBoolPtr: True/False, or <unset> when the field is absent. */
const boolPtr = (v: unknown): string => (typeof v === 'boolean' ? (v ? 'True' : 'False') : '<unset>')

/** kubectl describe storageclass. */
export function describeStorageClass(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(obj) ? 'Yes' : 'No'}\n`)
  w.write(LEVEL_0, `Annotations:\t${formatLabels(obj.metadata.annotations as Record<string, string> | undefined)}\n`)
  w.write(LEVEL_0, `Provisioner:\t${(obj.provisioner as string | undefined) ?? ''}\n`)
  w.write(LEVEL_0, `Parameters:\t${formatLabels(obj.parameters as Record<string, string> | undefined)}\n`)
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${boolPtr(obj.allowVolumeExpansion)}\n`)
  const options = (obj.mountOptions as string[] | undefined) ?? []
  if (options.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n')
  else {
    w.write(LEVEL_0, 'MountOptions:\n')
    for (const option of options) w.write(LEVEL_1, `${option}\n`)
  }
  if (obj.reclaimPolicy !== undefined) w.write(LEVEL_0, `ReclaimPolicy:\t${String(obj.reclaimPolicy)}\n`)
  if (obj.volumeBindingMode !== undefined) w.write(LEVEL_0, `VolumeBindingMode:\t${String(obj.volumeBindingMode)}\n`)
  return endWithEvents(w, ctx)
}
