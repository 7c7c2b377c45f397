// The default StorageClass (storage/util GetDefaultClass, used by the DefaultStorageClass admission plugin):
// among the classes annotated as default, the newest; of those created in the same second, the first by name.
import type {StrategyContext} from '../strategy.js'
import type {KObject} from '../types.js'

/** storageutil.IsDefaultAnnotation: the GA annotation, or the beta one, set to "true". */
export function isDefaultStorageClass(obj: KObject): boolean {
  const ann = obj.metadata.annotations ?? {}
  return ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
}

/** The default class's name, or undefined when no class is marked default. */
export function defaultStorageClassName(ctx: StrategyContext): string | undefined {
  const defaults = (ctx.listObjects?.('StorageClass') ?? []).filter((sc) => isDefaultStorageClass(sc))
  defaults.sort((a, b) => {
    const [ta, tb] = [a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '']
    if (ta !== tb) return ta < tb ? 1 : -1
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1
  })
  return defaults[0]?.metadata.name
}
