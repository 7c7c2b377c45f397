// `-o json` exactly as kubectl prints it: objects are unstructured maps, so every key is sorted;
// Go's encoder indents with four spaces and escapes <, >, &, U+2028 and U+2029.

import {sortKeysDeep} from '../machinery/sort-keys.js'

const GO_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/** One object or list as `kubectl -o json` prints it, with the trailing newline. */
export function printJson(obj: unknown): string {
  const normal = JSON.parse(JSON.stringify(obj)) as unknown
  return JSON.stringify(sortKeysDeep(normal), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]) + '\n'
}
