// The Pod Security Standards checks (pod-security-admission policy/check_*.go) ksim evaluates, with
// their reasons and details word for word.
import type {Container, PodSpec} from 'kubernetes-types/core/v1.js'
import {fieldsOf} from '../../machinery/sort-keys.js'

/** A failed check: its reason and the detail shown in parentheses. */
export interface CheckResult {
  reason: string
  detail: string
}

/** One Pod Security Standards check, identified as pod-security-admission identifies it. */
export interface Check {
  id: string
  level: 'baseline' | 'restricted'
  /** baseline checks this restricted check replaces at the restricted level */
  overrides?: string[]
  run(spec: PodSpec): CheckResult | undefined
}

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
])
const RESTRICTED_VOLUME_OK = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']
const RESTRICTED_VOLUME_TYPES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder',
  'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
] // prettier-ignore

/** visitContainers: init containers, then containers, then ephemeral containers. */
function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...((spec.ephemeralContainers ?? []) as Container[])]
}

function joinQuote(items: string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`
}

function plural(singular: string, pluralForm: string, n: number): string {
  return n === 1 ? singular : pluralForm
}

function containersPhrase(names: string[]): string {
  return `${plural('container', 'containers', names.length)} ${joinQuote(names)}`
}

function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort()
}

/** Pod-level field set to a good value, or each container sets it itself (runAsNonRoot, seccomp). */
function podOrContainers(
  spec: PodSpec,
  podValue: unknown,
  containerValue: (c: Container) => unknown,
  isGood: (v: unknown) => boolean,
): {badSetters: string[]; badValues: string[]; implicit: string[]} {
  const badSetters: string[] = []
  const badValues: string[] = []
  let podOk = false
  if (podValue !== undefined) {
    if (isGood(podValue)) podOk = true
    else {
      badSetters.push('pod')
      badValues.push(String(podValue))
    }
  }
  const explicit: string[] = []
  const implicit: string[] = []
  for (const c of allContainers(spec)) {
    const v = containerValue(c)
    if (v !== undefined) {
      if (!isGood(v)) {
        explicit.push(c.name ?? '')
        badValues.push(String(v))
      }
    } else if (!podOk) {
      implicit.push(c.name ?? '')
    }
  }
  if (explicit.length > 0) badSetters.push(containersPhrase(explicit))
  return {badSetters, badValues, implicit}
}

function containerCheck(spec: PodSpec, bad: (c: Container) => boolean): string[] {
  return allContainers(spec)
    .filter(bad)
    .map((c) => c.name ?? '')
}

/** The checks ksim evaluates; pod-security.ts orders them. */
export const CHECKS: Check[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    run(spec) {
      const bad = containerCheck(spec, (c) => c.securityContext?.allowPrivilegeEscalation !== false)
      if (bad.length === 0) return undefined
      return {reason: 'allowPrivilegeEscalation != false', detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`}
    },
  },
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    run(spec) {
      const caps = new Set<string>()
      const bad = containerCheck(spec, (c) => {
        const added = (c.securityContext?.capabilities?.add ?? []).filter((x) => !BASELINE_CAPABILITIES.has(x))
        added.forEach((x) => caps.add(x))
        return added.length > 0
      })
      if (bad.length === 0) return undefined
      return {
        reason: 'non-default capabilities',
        detail: `${containersPhrase(bad)} must not include ${joinQuote(sortedUnique(caps))} in securityContext.capabilities.add`,
      }
    },
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    overrides: ['capabilities_baseline'],
    run(spec) {
      const missingDrop: string[] = []
      const adding: string[] = []
      const forbidden = new Set<string>()
      for (const c of allContainers(spec)) {
        const caps = c.securityContext?.capabilities
        if (!caps) {
          missingDrop.push(c.name ?? '')
          continue
        }
        if (!(caps.drop ?? []).includes('ALL')) missingDrop.push(c.name ?? '')
        const extra = (caps.add ?? []).filter((x) => x !== 'NET_BIND_SERVICE')
        extra.forEach((x) => forbidden.add(x))
        if (extra.length > 0) adding.push(c.name ?? '')
      }
      const details: string[] = []
      if (missingDrop.length > 0) details.push(`${containersPhrase(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`)
      if (adding.length > 0) details.push(`${containersPhrase(adding)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`)
      return details.length === 0 ? undefined : {reason: 'unrestricted capabilities', detail: details.join('; ')}
    },
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    run(spec) {
      const ns: string[] = []
      if (spec.hostNetwork) ns.push('hostNetwork=true')
      if (spec.hostPID) ns.push('hostPID=true')
      if (spec.hostIPC) ns.push('hostIPC=true')
      return ns.length === 0 ? undefined : {reason: 'host namespaces', detail: ns.join(', ')}
    },
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    run(spec) {
      const vols = (spec.volumes ?? []).filter((v) => v.hostPath != null).map((v) => v.name)
      if (vols.length === 0) return undefined
      return {reason: 'hostPath volumes', detail: `${plural('volume', 'volumes', vols.length)} ${joinQuote(vols)}`}
    },
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    run(spec) {
      const ports = new Set<string>()
      const bad = containerCheck(spec, (c) => {
        const hp = (c.ports ?? []).filter((p) => (p.hostPort ?? 0) !== 0)
        hp.forEach((p) => ports.add(String(p.hostPort)))
        return hp.length > 0
      })
      if (bad.length === 0) return undefined
      const list = sortedUnique(ports)
      return {
        reason: 'hostPort',
        detail: `${containersPhrase(bad)} ${plural('uses', 'use', bad.length)} ${plural('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
      }
    },
  },
  {
    id: 'privileged',
    level: 'baseline',
    run(spec) {
      const bad = containerCheck(spec, (c) => c.securityContext?.privileged === true)
      if (bad.length === 0) return undefined
      return {reason: 'privileged', detail: `${containersPhrase(bad)} must not set securityContext.privileged=true`}
    },
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    overrides: ['hostPathVolumes'],
    run(spec) {
      const bad: string[] = []
      const types = new Set<string>()
      for (const v of spec.volumes ?? []) {
        const vol = fieldsOf(v)
        if (RESTRICTED_VOLUME_OK.some((k) => vol[k] != null)) continue
        bad.push(v.name)
        types.add(RESTRICTED_VOLUME_TYPES.find((k) => vol[k] != null) ?? 'unknown')
      }
      if (bad.length === 0) return undefined
      const list = sortedUnique(types)
      return {
        reason: 'restricted volume types',
        detail: [
          plural('volume', 'volumes', bad.length),
          joinQuote(bad),
          plural('uses', 'use', bad.length),
          plural('restricted volume type', 'restricted volume types', list.length),
          joinQuote(list),
        ].join(' '),
      }
    },
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    run(spec) {
      const r = podOrContainers(spec, spec.securityContext?.runAsNonRoot, (c) => c.securityContext?.runAsNonRoot, (v) => v === true)
      if (r.badSetters.length > 0) return {reason: 'runAsNonRoot != true', detail: `${r.badSetters.join(' and ')} must not set securityContext.runAsNonRoot=false`}
      if (r.implicit.length > 0) return {reason: 'runAsNonRoot != true', detail: `pod or ${containersPhrase(r.implicit)} must set securityContext.runAsNonRoot=true`}
      return undefined
    },
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    run(spec) {
      const setters: string[] = []
      if (spec.securityContext?.runAsUser === 0) setters.push('pod')
      const bad = containerCheck(spec, (c) => c.securityContext?.runAsUser === 0)
      if (bad.length > 0) setters.push(containersPhrase(bad))
      return setters.length === 0 ? undefined : {reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`}
    },
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    run(spec) {
      const setters: string[] = []
      if (spec.securityContext?.seccompProfile?.type === 'Unconfined') setters.push('pod')
      const bad = containerCheck(spec, (c) => c.securityContext?.seccompProfile?.type === 'Unconfined')
      if (bad.length > 0) setters.push(containersPhrase(bad))
      if (setters.length === 0) return undefined
      return {reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to "Unconfined"`}
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    overrides: ['seccompProfile_baseline'],
    run(spec) {
      const good = (v: unknown): boolean => v === 'RuntimeDefault' || v === 'Localhost'
      const r = podOrContainers(spec, spec.securityContext?.seccompProfile?.type, (c) => c.securityContext?.seccompProfile?.type, good)
      if (r.badSetters.length > 0) {
        const values = joinQuote(sortedUnique(r.badValues))
        return {reason: 'seccompProfile', detail: `${r.badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${values}`}
      }
      if (r.implicit.length > 0) {
        const who = containersPhrase(r.implicit)
        return {reason: 'seccompProfile', detail: `pod or ${who} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`}
      }
      return undefined
    },
  },
]
