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

// The reference grammar of github.com/distribution/reference (what the kubelet parses images with).
const ALNUM = '[a-z0-9]+'
const PATH_COMPONENT = `${ALNUM}(?:(?:[._]|__|[-]+)${ALNUM})*`
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])`
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
const REFERENCE = new RegExp(`^(${NAME})(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`)
const DIGEST_HEX: Record<string, number> = {sha256: 64, sha384: 96, sha512: 128}

/** splitDockerDomain: the registry host (docker.io by default) and the rest of the reference. */
function splitDomain(image: string): {domain: string; remainder: string} {
  const i = image.indexOf('/')
  const first = i < 0 ? '' : image.slice(0, i)
  if (i < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    return {domain: 'docker.io', remainder: i < 0 ? `library/${image}` : image}
  }
  return {domain: first, remainder: image.slice(i + 1)}
}

function digestError(digest: string): string | undefined {
  const [algorithm, hex] = digest.split(':')
  const want = DIGEST_HEX[algorithm]
  if (want === undefined) return 'unsupported digest algorithm'
  if (hex.length !== want) return 'invalid checksum digest length'
  return /^[a-f0-9]+$/.test(hex) ? undefined : 'invalid checksum digest format'
}

/**
 * Why the kubelet cannot parse an image reference (reference.ParseNormalizedNamed, wrapped by
 * parsers.ParseImageName), or undefined when it parses.
 */
export function imageNameError(image: string): string | undefined {
  const wrap = (why: string): string => `couldn't parse image name ${goQuote(image)}: ${why}`
  if (/^[a-f0-9]{64}$/.test(image)) return wrap(`invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`)
  const {domain, remainder} = splitDomain(image)
  const colon = remainder.indexOf(':')
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder
  if (remote.toLowerCase() !== remote) return wrap(`invalid reference format: repository name (${remote}) must be lowercase`)
  const full = `${domain}/${remainder}`
  const m = REFERENCE.exec(full)
  if (!m) return wrap(REFERENCE.test(full.toLowerCase()) ? 'repository name must be lowercase' : 'invalid reference format')
  if (m[1].length > 255) return wrap('repository name must not be more than 255 characters')
  const bad = m[3] ? digestError(m[3]) : undefined
  return bad ? wrap(bad) : undefined
}

/** Go's %q for the printable ASCII names images have. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
}

/** Top-level domains reserved never to resolve (RFC 2606, RFC 6761). */
const UNRESOLVABLE = ['.invalid', '.test', '.example', '.localhost']

/**
 * What containerd answers (through CRI, hence the gRPC status prefix) when the image's registry host
 * does not resolve: a host under a reserved top-level domain. Undefined for any other image.
 */
export function unresolvableRegistryError(image: string): string | undefined {
  const {domain} = splitDomain(image)
  const host = domain.startsWith('[') ? domain : domain.replace(/:\d+$/, '')
  if (!UNRESOLVABLE.some((tld) => host.toLowerCase().endsWith(tld))) return undefined
  const ref = normaliseImage(image)
  const repository = imageRepository(ref)
  const at = ref.indexOf('@')
  const reference = at >= 0 ? ref.slice(at + 1) : ref.slice(repository.length + 1)
  const url = `https://${domain}/v2/${repository.slice(domain.length + 1)}/manifests/${reference}`
  return `rpc error: code = Unknown desc = failed to pull and unpack image ${goQuote(ref)}: failed to resolve reference ${goQuote(ref)}: failed to do request: Head ${goQuote(url)}: dial tcp: lookup ${host}: no such host`
}
