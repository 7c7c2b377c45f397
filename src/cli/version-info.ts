// `version`: the Kubernetes version ksim plays, for the client (ksim standing in for kubectl) and the
// server (the simulated control plane, whose nodes report the same kubelet version).
import {KUBELET_VERSION} from '../cluster/bootstrap.js'
import {printYaml} from '../printers/yaml.js'

/** version.Info, with kubectl's field order (its JSON output keeps the struct's order). */
export interface VersionInfo {
  major: string
  minor: string
  gitVersion: string
  gitCommit: string
  gitTreeState: string
  buildDate: string
  goVersion: string
  compiler: string
  platform: string
}

/** Go's GOOS/GOARCH for this machine (`linux/amd64`). */
export function platform(os: string = process.platform, arch: string = process.arch): string {
  const goArch: Record<string, string> = {x64: 'amd64', ia32: '386', arm: 'arm', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x'}
  return `${os === 'win32' ? 'windows' : os}/${goArch[arch] ?? arch}`
}

/** The version ksim reports: KUBELET_VERSION, split as version.Info splits it; no commit or build. */
export function versionInfo(): VersionInfo {
  const [major, minor] = KUBELET_VERSION.replace(/^v/, '').split('.')
  return {major: major!, minor: minor!, gitVersion: KUBELET_VERSION, gitCommit: '', gitTreeState: '', buildDate: '', goVersion: '', compiler: '', platform: platform()}
}

/** kubectl version's output for `output` ('' = text), with the server part unless `clientOnly`. */
export function formatVersion(output: '' | 'json' | 'yaml', clientOnly: boolean): string {
  const info = versionInfo()
  const doc: {clientVersion: VersionInfo; serverVersion?: VersionInfo} = {clientVersion: info, ...(clientOnly ? {} : {serverVersion: info})}
  if (output === 'json') return `${JSON.stringify(doc, null, 2)}\n`
  if (output === 'yaml') return printYaml(doc)
  return `Client Version: ${info.gitVersion}\n${clientOnly ? '' : `Server Version: ${info.gitVersion}\n`}`
}
