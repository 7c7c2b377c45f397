// Container details describe.go formats on one line: probes (DescribeProbe) and environment values
// taken from the pod or the container (EnvValueRetriever, ExtractContainerResourceValue).
import type {Container, Pod} from '../../api/types.js'

import {parseQuantity, ZERO} from '../../machinery/quantity.js'

type Probe = NonNullable<Container['livenessProbe']>
type EnvVar = NonNullable<Container['env']>[number]

/** Go's %v of a []string: `[a b c]`. */
export const goSlice = (items: string[] | undefined): string => `[${(items ?? []).join(' ')}]`

const joinHostPort = (host: string, port: string): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`)

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec ${goSlice(p.exec.command)} ${attrs}`
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? '').toLowerCase()
    const port = String(p.httpGet.port ?? '')
    const host = port ? joinHostPort(p.httpGet.host ?? '', port) : p.httpGet.host ?? ''
    let path = p.httpGet.path ?? ''
    if (host && path && !path.startsWith('/')) path = '/' + path
    const url = (scheme ? `${scheme}:` : '') + (host || scheme ? `//${host}` : '') + path
    return `http-get ${url} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

// fieldpath.FormatMap: sorted `k="v"` lines
const formatMap = (m: Record<string, string> | undefined): string =>
  Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n')

/** EnvValueRetriever: the value of a fieldRef that kubectl can read from the pod's metadata, else ''. */
export function fieldRefValue(pod: Pod, fieldPath: string): string {
  const meta = pod.metadata ?? {}
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath)
  if (sub) return (sub[1] === 'metadata.labels' ? meta.labels : meta.annotations)?.[sub[2]] ?? ''
  switch (fieldPath) {
    case 'metadata.annotations': return formatMap(meta.annotations)
    case 'metadata.labels': return formatMap(meta.labels)
    case 'metadata.name': return meta.name ?? ''
    case 'metadata.namespace': return meta.namespace ?? ''
    case 'metadata.uid': return meta.uid ?? ''
    default: return ''
  }
}

/** ExtractContainerResourceValue for cpu, memory and ephemeral-storage requests and limits. */
export function resourceFieldValue(ref: NonNullable<EnvVar['valueFrom']>['resourceFieldRef'], c: Container): string {
  if (!ref) return ''
  const m = /^(limits|requests)\.(cpu|memory|ephemeral-storage)$/.exec(ref.resource)
  if (!m) return ''
  const divisor = parseQuantity(ref.divisor)
  const list = m[1] === 'limits' ? c.resources?.limits : c.resources?.requests
  const q = parseQuantity(list?.[m[2]]) ?? ZERO
  if (m[2] === 'cpu') {
    const d = divisor && divisor.nanos !== 0n ? divisor.milliValue() : 1000
    return String(Math.ceil(q.milliValue() / d))
  }
  const d = divisor && divisor.nanos !== 0n ? divisor.value() : 1
  return String(Math.ceil(q.value() / d))
}
