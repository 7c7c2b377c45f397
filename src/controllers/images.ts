// Image references as containerd reports them: the normalised name (`docker.io/library/nginx:latest`),
// a digest reference derived deterministically from the name, a plausible size, and Go's rendering of
// the pull time (`312ms`, `1.5s`) for the kubelet's Pulled event.
import {createHash} from 'node:crypto'

/** docker's reference normalisation: default registry docker.io, `library/` for official images, tag latest. */
export function normaliseImage(image: string): string {
  let rest = image
  let digest = ''
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at)
    rest = rest.slice(0, at)
  }
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  const hasDomain = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost')
  let name = hasDomain ? rest : `docker.io/${slash < 0 ? `library/${rest}` : rest}`
  if (name.startsWith('docker.io/') && !name.slice('docker.io/'.length).includes('/')) name = `docker.io/library/${name.slice('docker.io/'.length)}`
  const lastSlash = name.lastIndexOf('/')
  const hasTag = name.indexOf(':', lastSlash) >= 0
  if (digest) return `${name}${digest}`
  return hasTag ? name : `${name}:latest`
}

/** The repository part of a normalised reference (no tag, no digest). */
export function imageRepository(normalised: string): string {
  const at = normalised.indexOf('@')
  const base = at >= 0 ? normalised.slice(0, at) : normalised
  const lastSlash = base.lastIndexOf('/')
  const colon = base.indexOf(':', lastSlash)
  return colon >= 0 ? base.slice(0, colon) : base
}

/** `docker.io/library/nginx@sha256:<64 hex>`: the digest reference the runtime reports as imageID. */
export function imageIDOf(image: string): string {
  const normalised = normaliseImage(image)
  const at = normalised.indexOf('@')
  if (at >= 0) return normalised
  const digest = createHash('sha256').update(`ksim-image:${normalised}`).digest('hex')
  return `${imageRepository(normalised)}@sha256:${digest}`
}

/** A stable size between 2 MB and 200 MB, the same for the same image every time. */
export function imageSizeOf(image: string): number {
  const h = createHash('sha256').update(`ksim-size:${normaliseImage(image)}`).digest()
  return 2_000_000 + (h.readUInt32BE(0) % 198_000_000)
}

/** time.Duration.String() for a whole number of milliseconds: `0s`, `312ms`, `1.5s`, `2m3.25s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const secMs = ms % 60_000
  const whole = Math.floor(secMs / 1000)
  const frac = String(secMs % 1000).padStart(3, '0').replace(/0+$/, '')
  const s = `${whole}${frac ? `.${frac}` : ''}s`
  if (h > 0) return `${h}h${m}m${s}`
  if (m > 0) return `${m}m${s}`
  return s
}
