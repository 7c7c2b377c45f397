// Name and label rules with apimachinery's exact detail strings. Object names (util/validation) say
// "characters"; label keys and values (api/validate/content, since v1.35) say "bytes".

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`

const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)
const LABEL_KEY_RE = new RegExp(`^${LABEL_KEY_FMT}$`)
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`)

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

/** Go's len(): names are measured in UTF-8 bytes. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8')
}

/** RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 're')` — note the double space. */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`
  let s = `${msg} (e.g. `
  examples.forEach((ex, i) => {
    if (i > 0) s += ' or '
    s += `'${ex}', `
  })
  return `${s}regex used for validation is '${re}')`
}

/** util/validation MaxLenError (object names, port names). */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`
}

/** content.MaxLenError (label keys, label values, label-key prefixes). */
export function contentMaxLenError(n: number): string {
  return `must be no more than ${n} bytes`
}

/** `must be non-empty` */
export function emptyError(): string {
  return 'must be non-empty'
}

/** `must be between 1 and 65535, inclusive` */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

function subdomainErrors(value: string, maxLen: (n: number) => string): string[] {
  const errs: string[] = []
  if (byteLength(value) > 253) errs.push(maxLen(253))
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errs
}

/** DNS-1123 subdomain (most object names); empty list = valid. */
export function isDNS1123Subdomain(value: string): string[] {
  return subdomainErrors(value, maxLenError)
}

/** DNS-1123 label (namespace names, container and volume names). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > 63) errs.push(maxLenError(63))
  if (!DNS1123_LABEL_RE.test(value)) {
    // a valid subdomain that is not a valid label can only be wrong because of its dots
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

const LABEL_KEY_EXAMPLES = ['MyName', 'my.name', '123-abc']

/** A "qualified name" (label key, annotation key, finalizer): optional DNS-subdomain prefix and `/`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0]
  } else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`)
    else errs.push(...subdomainErrors(prefix, contentMaxLenError).map((m) => `prefix part ${m}`))
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, ...LABEL_KEY_EXAMPLES)} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`)
  else if (byteLength(name) > 63) errs.push(`name part ${contentMaxLenError(63)}`)
  if (!LABEL_KEY_RE.test(name)) errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, ...LABEL_KEY_EXAMPLES)}`)
  return errs
}

/** Label values: at most 63 bytes, may be empty. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > 63) errs.push(contentMaxLenError(63))
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

/**
 * generic.go maskTrailingDash: a generateName prefix may end in `-`. Go replaces the last *two*
 * characters with `a` (`name[:len(name)-2] + "a"`), which we keep for identical messages.
 */
export function maskTrailingDash(name: string): string {
  return name.endsWith('-') ? name.slice(0, Math.max(0, name.length - 2)) + 'a' : name
}

/** NameIsDNSSubdomain: `prefix` is true when validating a generateName. */
export function nameIsDNSSubdomain(name: string, prefix: boolean): string[] {
  return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)
}

/** NameIsDNSLabel (namespaces). */
export function nameIsDNSLabel(name: string, prefix: boolean): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name)
}

/** path.IsValidPathSegmentName (RBAC object names): neither `.` nor `..`, no `/` or `%`; a generateName prefix may be `.` or `..`. */
export function nameIsPathSegment(name: string, prefix: boolean): string[] {
  const errs: string[] = []
  if (!prefix && (name === '.' || name === '..')) errs.push(`may not be '${name}'`)
  if (name.includes('/')) errs.push("may not contain '/'")
  if (name.includes('%')) errs.push("may not contain '%'")
  return errs
}
