// The values a flag accepts, as completion offers them: a flag's declared options, else the list its
// help text gives (kubectl's wording: `One of: (json, yaml)`, `Must be "a", "b", or "c"`).
import type {FlagInfo} from './model.cjs'

/** Output formats that take a value after `=` (`-o jsonpath='{...}'`). */
const FORMATS_WITH_VALUE = new Set([
  'jsonpath',
  'jsonpath-file',
  'jsonpath-as-json',
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
])

/** The fixed values of a flag, from its options or its description; [] when it has none. */
export function fixedValues(flag: FlagInfo): string[] {
  const listed = flag.options ?? listedIn(flag.description ?? '')
  if (flag.name !== 'output') return listed
  return listed.map((f) => (FORMATS_WITH_VALUE.has(f) ? `${f}=` : f))
}

function listedIn(text: string): string[] {
  // `One of: (json, yaml, name).` or kubectl's newer `One of: json|yaml|name.`
  const oneOf = /One of: \(([^)]*)\)/.exec(text) ?? /One of: ([\w|-]+)\./.exec(text)
  if (oneOf) return oneOf[1].split(/[,|]/).map((s) => s.trim()).filter((s) => s.length > 0)
  // `Must be "background", "orphan", or "foreground".`
  const quoted = /Must be ((?:"[^"]+"(?:, or |, | or )?)+)/.exec(text)
  if (quoted) return [...quoted[1].matchAll(/"([^"]+)"/g)].map((m) => m[1])
  // `Must be one of: strict (or true), warn, ignore (or false).`
  const words = /Must be one of: ([^.]*)\./.exec(text)
  if (words) return words[1].split(',').map((s) => s.replace(/\(.*\)/, '').trim()).filter((s) => /^[\w-]+$/.test(s))
  // `-o name` is the only value some commands take (kubectl delete)
  if (/"-o name"/.test(text)) return ['name']
  return []
}
