// The Containers / Init Containers sections of describe pod (describeContainers): identity, ports,
// command, state, readiness, resources, probes, environment and mounts of each container.
import type {Container, ContainerStatus, Pod} from '../../api/types.js'

import {rfc1123z} from '../timestamps.js'
import {describeResources} from './common.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter} from './prefix-writer.js'
import {describeProbe, fieldRefValue, resourceFieldValue} from './probe.js'

type ContainerState = NonNullable<ContainerStatus['state']>
type Port = NonNullable<Container['ports']>[number]

const orNone = (s: string): string => s || '<none>'
const bool = (b: boolean | undefined): string => (b ? 'True' : 'False')

// describeContainerPorts (names since kubectl 1.34: `80/TCP (http)`) and describeContainerHostPorts
const ports = (ps: Port[]): string => ps.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ')
// describeContainerHostPorts names a named port too (kubectl 1.35's `0/TCP (redis)`)
const hostPorts = (ps: Port[]): string => ps.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ')

function describeState(title: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${title}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`)
  }
}

function describeEnv(c: Container, pod: Pod, w: PrefixWriter): void {
  if ((c.envFrom ?? []).length > 0) {
    w.write(LEVEL_2, 'Environment Variables from:\n')
    for (const e of c.envFrom!) {
      const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined]
      const optional = ref?.optional === true
      const what = e.prefix ? `${from} with prefix '${e.prefix}'` : from
      w.write(LEVEL_3, `${ref?.name ?? ''}\t${what}\tOptional: ${optional}\n`)
    }
  }
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const vf = e.valueFrom
    if (!vf) {
      ;(e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`))
    } else if (vf.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${fieldRefValue(pod, vf.fieldRef.fieldPath)} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})\n`)
    } else if (vf.resourceFieldRef) {
      const r = vf.resourceFieldRef.resource
      let value = resourceFieldValue(vf.resourceFieldRef, c)
      if (value === '0' && (r === 'limits.cpu' || r === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${r})\n`)
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`)
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`)
    }
  }
}

function describeMounts(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])]
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}

/** describeContainers: the `<label>:` section with one block per container, statuses matched by name; `space` indents a pod template's. */
export function describeContainers(label: string, containers: Container[], statuses: ContainerStatus[], pod: Pod, w: PrefixWriter, space = ''): void {
  const byName = new Map(statuses.map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
    const p = ports(c.ports ?? [])
    w.write(LEVEL_2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${orNone(p)}\n`)
    const hp = hostPorts(c.ports ?? [])
    w.write(LEVEL_2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${orNone(hp)}\n`)
    if (c.securityContext?.seccompProfile) {
      w.write(LEVEL_2, `SeccompProfile:\t${c.securityContext.seccompProfile.type}\n`)
      if (c.securityContext.seccompProfile.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${c.securityContext.seccompProfile.localhostProfile ?? ''}\n`)
    }
    for (const [title, items] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!items || items.length === 0) continue
      w.write(LEVEL_2, `${title}:\n`)
      for (const item of items) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`)
    }
    if (status) {
      describeState('State', status.state, w)
      if (status.lastState?.terminated) describeState('Last State', status.lastState, w)
      w.write(LEVEL_2, `Ready:\t${bool(status.ready)}\n`)
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    describeResources(c.resources, w, LEVEL_2)
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    describeEnv(c, pod, w)
    describeMounts(c, w)
  }
}
