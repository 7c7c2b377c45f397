// Service: namespaced, `svc`, in `all`. Defaulting as SetDefaults_Service, validation as
// ValidateService, and the REST strategy's allocation of cluster IPs and node ports on create and on
// type changes; an update that leaves clusterIP or nodePort out keeps the allocated values.
import type {Service} from 'kubernetes-types/core/v1.js'
import type {StrategyContext} from '../strategy.js'

import {defaultService} from '../defaults/service.js'
import {register} from '../registry.js'
import type {KObject} from '../types.js'
import {validateServiceSpec, validateServiceUpdate} from '../validation/service.js'
import {allocateClusterIP, allocateNodePorts, initIPFamilies} from './service-alloc.js'

const asService = (obj: KObject): Service => obj as Service

/** patchAllocatedValues: values the client left out of an update keep what was allocated. */
function keepAllocated(svc: Service, old: Service): void {
  const spec = svc.spec!
  const was = old.spec ?? {}
  const external = spec.type === 'ExternalName' || was.type === 'ExternalName'
  if (!external) {
    if (!spec.clusterIP && was.clusterIP) spec.clusterIP = was.clusterIP
    if (!spec.ipFamilies?.length && was.ipFamilies) spec.ipFamilies = was.ipFamilies
    if (!spec.ipFamilyPolicy && was.ipFamilyPolicy) spec.ipFamilyPolicy = was.ipFamilyPolicy
    const same = JSON.stringify(spec.clusterIPs ?? []) === JSON.stringify(was.clusterIPs ?? [])
    if ((!spec.clusterIPs?.length || same) && spec.clusterIP) spec.clusterIPs = spec.clusterIP === was.clusterIP ? was.clusterIPs : [spec.clusterIP]
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue
      const prior = (was.ports ?? []).find((q) => (p.name && q.name === p.name) || (q.port === p.port && q.protocol === p.protocol))
      if (prior?.nodePort) (p as {nodePort?: number}).nodePort = prior.nodePort
    }
  } else {
    for (const p of spec.ports ?? []) delete (p as {nodePort?: number}).nodePort
  }
}

/** The Service resource type, registered when this module loads. */
export const serviceType = register({
  kind: 'Service',
  group: '',
  version: 'v1',
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  namespaced: true,
  categories: ['all'],
  strategy: {
    default(obj: KObject) {
      defaultService(asService(obj))
    },
    prepareForCreate(obj: KObject) {
      obj.status = {loadBalancer: {}}
    },
    validate(obj: KObject, ctx: StrategyContext) {
      const svc = asService(obj)
      const errs = validateServiceSpec(svc)
      // the allocators run after validation (BeginCreate), so their errors only come alone
      if (errs.length > 0) return errs
      const familyErrs = initIPFamilies(svc)
      if (familyErrs.length > 0) return familyErrs
      const ipErrs = allocateClusterIP(svc, ctx)
      return ipErrs.length > 0 ? ipErrs : allocateNodePorts(svc, ctx)
    },
    validateUpdate(obj: KObject, old: KObject, ctx: StrategyContext) {
      const svc = asService(obj)
      keepAllocated(svc, asService(old))
      const errs = validateServiceUpdate(svc, asService(old))
      if (errs.length > 0) return errs
      const familyErrs = initIPFamilies(svc)
      if (familyErrs.length > 0) return familyErrs
      if (!svc.spec?.clusterIP && svc.spec?.type !== 'ExternalName') {
        const ipErrs = allocateClusterIP(svc, ctx)
        if (ipErrs.length > 0) return ipErrs
      }
      const mine = new Set((asService(old).spec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => Boolean(p)))
      return allocateNodePorts(svc, ctx, mine)
    },
  },
})
