// Container rules of pod validation (core/validation validateContainerCommon and friends): names,
// image, ports, env, volume mounts, pull and termination-message policies, security context.
import type {Container, ContainerPort, EnvVar, SecurityContext, VolumeMount} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {validateResources} from './pod-resources.js'
import {byteLength, inclusiveRangeError, isDNS1123Label, maxLenError} from '../../machinery/names.js'

/** What container validation needs from the rest of the pod. */
export interface ContainerContext {
  /** names of the volumes that validated cleanly (mounts of any other name are Not found) */
  volumes: Set<string>
  allowPrivileged: boolean
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError']
const MAX_UID = 4294967295

/** IsValidPortName: an IANA service name (at most 15 chars, a letter, no `--`, no edge hyphens). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (byteLength(port) > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen')
  return errs
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, GA): printable ASCII except `=`. */
export function isEnvVarName(name: string): string[] {
  if (name.length === 0) return ['environment variable name must be non-empty']
  for (const ch of name) {
    const c = ch.codePointAt(0) ?? 0
    if (c > 0x7e || c < 0x20 || ch === '=') {
      return ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
    }
  }
  return []
}

function validatePorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`
    if (port.name) {
      const msgs = isValidPortName(port.name)
      if (msgs.length > 0) for (const m of msgs) errs.push(fieldErr.invalid(`${p}.name`, port.name, m))
      else if (names.has(port.name)) errs.push(fieldErr.duplicate(`${p}.name`, port.name))
      else names.add(port.name)
    }
    if (!port.containerPort) errs.push(fieldErr.required(`${p}.containerPort`))
    else if (port.containerPort < 1 || port.containerPort > 65535) {
      errs.push(fieldErr.invalid(`${p}.containerPort`, port.containerPort, inclusiveRangeError(1, 65535)))
    }
    if (port.hostPort && (port.hostPort < 1 || port.hostPort > 65535)) {
      errs.push(fieldErr.invalid(`${p}.hostPort`, port.hostPort, inclusiveRangeError(1, 65535)))
    }
    if (!port.protocol) errs.push(fieldErr.required(`${p}.protocol`))
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(fieldErr.notSupported(`${p}.protocol`, port.protocol, PROTOCOLS))
  })
  return errs
}

function validateEnv(env: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  ;(env ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`
    if (!ev.name) errs.push(fieldErr.required(`${p}.name`))
    else for (const m of isEnvVarName(ev.name)) errs.push(fieldErr.invalid(`${p}.name`, ev.name, m))
    if (!ev.valueFrom) return
    const from = ev.valueFrom as Record<string, unknown>
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => from[k] != null).length
    if (sources === 0) {
      errs.push(fieldErr.invalid(`${p}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
    } else if (ev.value) {
      errs.push(fieldErr.invalid(`${p}.valueFrom`, '', 'may not be specified when `value` is not empty'))
    } else if (sources > 1) {
      errs.push(fieldErr.invalid(`${p}.valueFrom`, '', 'may not have more than one field specified at a time'))
    }
  })
  return errs
}

/** validateLocalDescendingPath: relative, no `..` element. */
function localDescendingPathErrors(target: string, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (target.startsWith('/')) errs.push(fieldErr.invalid(path, target, 'must be a relative path'))
  if (target.split('/').includes('..')) errs.push(fieldErr.invalid(path, target, "must not contain '..'"))
  return errs
}

function validateMounts(mounts: VolumeMount[] | undefined, path: string, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  const mountPoints = new Set<string>()
  ;(mounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`
    if (!m.name) errs.push(fieldErr.required(`${p}.name`))
    if (!volumes.has(m.name ?? '')) errs.push(fieldErr.notFound(`${p}.name`, m.name ?? ''))
    if (!m.mountPath) errs.push(fieldErr.required(`${p}.mountPath`))
    if (mountPoints.has(m.mountPath ?? '')) errs.push(fieldErr.invalid(`${p}.mountPath`, m.mountPath ?? '', 'must be unique'))
    mountPoints.add(m.mountPath ?? '')
    // Kubernetes reports these two on the list's path, without the index
    if (m.subPath) errs.push(...localDescendingPathErrors(m.subPath, `${path}.subPath`))
    if (m.subPathExpr) {
      if (m.subPath) errs.push(fieldErr.invalid(`${p}.subPathExpr`, m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'))
      errs.push(...localDescendingPathErrors(m.subPathExpr, `${path}.subPathExpr`))
    }
  })
  return errs
}

function goFields(obj: unknown, names: string[]): Record<string, unknown> | null {
  if (obj == null || typeof obj !== 'object') return null
  const o = obj as Record<string, unknown>
  return Object.fromEntries(names.map((n) => [n, o[n.charAt(0).toLowerCase() + n.slice(1)] ?? null]))
}

/** The internal core.SecurityContext as json.Marshal prints it (Go field names, no omitempty). */
export function securityContextGoJSON(sc: SecurityContext): Record<string, unknown> {
  const caps = sc.capabilities ? {Add: sc.capabilities.add ?? null, Drop: sc.capabilities.drop ?? null} : null
  const win = sc.windowsOptions
  return {
    Capabilities: caps,
    Privileged: sc.privileged ?? null,
    SELinuxOptions: goFields(sc.seLinuxOptions, ['User', 'Role', 'Type', 'Level']),
    WindowsOptions: win
      ? {
          GMSACredentialSpecName: win.gmsaCredentialSpecName ?? null,
          GMSACredentialSpec: win.gmsaCredentialSpec ?? null,
          RunAsUserName: win.runAsUserName ?? null,
          HostProcess: win.hostProcess ?? null,
        }
      : null,
    RunAsUser: sc.runAsUser ?? null,
    RunAsGroup: sc.runAsGroup ?? null,
    RunAsNonRoot: sc.runAsNonRoot ?? null,
    ReadOnlyRootFilesystem: sc.readOnlyRootFilesystem ?? null,
    AllowPrivilegeEscalation: sc.allowPrivilegeEscalation ?? null,
    ProcMount: sc.procMount ?? null,
    SeccompProfile: goFields(sc.seccompProfile, ['Type', 'LocalhostProfile']),
    AppArmorProfile: goFields((sc as {appArmorProfile?: unknown}).appArmorProfile, ['Type', 'LocalhostProfile']),
  }
}

/** ValidateSecurityContext: cluster privileged policy, id ranges, the escalation contradictions. */
export function validateSecurityContext(sc: SecurityContext | undefined, path: string, allowPrivileged: boolean): FieldError[] {
  if (!sc) return []
  const errs: FieldError[] = []
  if (sc.privileged === true && !allowPrivileged) errs.push(fieldErr.forbidden(`${path}.privileged`, 'disallowed by cluster policy'))
  if (sc.runAsUser !== undefined && (sc.runAsUser < 0 || sc.runAsUser > MAX_UID)) {
    errs.push(fieldErr.invalid(`${path}.runAsUser`, sc.runAsUser, inclusiveRangeError(0, MAX_UID)))
  }
  if (sc.runAsGroup !== undefined && (sc.runAsGroup < 0 || sc.runAsGroup > MAX_UID)) {
    errs.push(fieldErr.invalid(`${path}.runAsGroup`, sc.runAsGroup, inclusiveRangeError(0, MAX_UID)))
  }
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) {
      errs.push(fieldErr.invalid(path, securityContextGoJSON(sc), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'))
    }
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap === 'CAP_SYS_ADMIN') {
        errs.push(fieldErr.invalid(path, securityContextGoJSON(sc), 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'))
      }
    }
  }
  return errs
}

/** validateContainerCommon: the checks every kind of container gets, in Kubernetes' order. */
export function validateContainerCommon(c: Container, path: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(fieldErr.required(`${path}.name`))
  else for (const m of isDNS1123Label(c.name)) errs.push(fieldErr.invalid(`${path}.name`, c.name, m))
  if (!c.image) errs.push(fieldErr.required(`${path}.image`))
  const tmp = c.terminationMessagePolicy ?? ''
  if (tmp === '') errs.push(fieldErr.required(`${path}.terminationMessagePolicy`))
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(fieldErr.notSupported(`${path}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES))
  errs.push(...validatePorts(c.ports, `${path}.ports`))
  errs.push(...validateEnv(c.env, `${path}.env`))
  errs.push(...validateMounts(c.volumeMounts, `${path}.volumeMounts`, ctx.volumes))
  const pull = c.imagePullPolicy ?? ''
  if (pull === '') errs.push(fieldErr.required(`${path}.imagePullPolicy`))
  else if (!PULL_POLICIES.includes(pull)) errs.push(fieldErr.notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES))
  errs.push(...validateResources(c.resources, `${path}.resources`))
  errs.push(...validateSecurityContext(c.securityContext, `${path}.securityContext`, ctx.allowPrivileged))
  return errs
}

/** checkHostPortConflicts: `<protocol>/<hostIP>/<port>` may appear once across the given containers. */
export function hostPortConflicts(containers: Container[], path: string, indexOffset = 0): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  containers.forEach((c, ci) => {
    ;(c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`
      if (seen.has(key)) errs.push(fieldErr.duplicate(`${path}[${ci + indexOffset}].ports[${pi}].hostPort`, key))
      else seen.add(key)
    })
  })
  return errs
}
