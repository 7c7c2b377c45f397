// The default imagePullPolicy: Always for `:latest` or an untagged image, IfNotPresent otherwise
// (pkg/util/parsers ParseImageName over the distribution/reference grammar).

const ALNUM = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|[-]+)'
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`)
const HEX64 = /^[a-f0-9]{64}$/

/** The image's tag as the kubelet parses it: `latest` when neither tag nor digest; '' if unparsable. */
export function imageTag(image: string): string {
  if (HEX64.test(image)) return ''
  const m = REFERENCE.exec(image)
  if (!m || m[1].length > 255) return ''
  const [, , tag, digest] = m
  if (tag) return tag
  return digest ? '' : 'latest'
}

/** SetDefaults_Container's imagePullPolicy (digests count as tagged). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent'
}
