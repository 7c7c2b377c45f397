// kubectl's --raw on get and create: the checks it makes before sending anything, and the body a
// `create --raw` sends (one local file or stdin, as it is). The request itself is answered by
// serve/raw.ts, which the commands call (the layering keeps serve out of cli/).
import {CliError} from '../errors.js'
import {readFileLimited} from '../resource/read-limited.js'
import {readStdin} from '../resource/stdin.js'

/** Go's url.ParseRequestURI on a --raw value: an absolute path (or a full URL) only. */
function checkRawPath(raw: string): void {
  if (raw.startsWith('/') || /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(raw)) return
  throw new CliError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`)
}

/** `get --raw`: no arguments, no -o. */
export function validateRawGet(raw: string, args: string[], output: string | undefined): void {
  if (args.length > 0) throw new CliError('arguments may not be passed when --raw is specified')
  if (output) throw new CliError('--raw and --output are mutually exclusive')
  checkRawPath(raw)
}

export interface RawCreateFlags {
  filename?: string[]
  recursive?: boolean
  selector?: string
  output?: string
  edit?: boolean
}

/** `create --raw`: one local file or stdin, none of the flags that act on objects. */
export function validateRawCreate(raw: string, flags: RawCreateFlags): void {
  if (flags.edit) throw new CliError('--raw and --edit are mutually exclusive')
  const files = flags.filename ?? []
  if (files.length !== 1) throw new CliError('--raw can only use a single local file or stdin')
  if (files[0]!.startsWith('http://') || files[0]!.startsWith('https://')) throw new CliError('--raw cannot read from a url')
  if (flags.recursive) throw new CliError('--raw and --recursive are mutually exclusive')
  if (flags.selector) throw new CliError('--raw and --selector (-l) are mutually exclusive')
  if (flags.output) throw new CliError('--raw and --output are mutually exclusive')
  checkRawPath(raw)
}

/** The body a `create --raw` sends: the file's bytes, or stdin's for `-f -`. */
export function rawBody(file: string, stdin: () => string = readStdin): Buffer {
  if (file === '-') return Buffer.from(stdin())
  try {
    return Buffer.from(readFileLimited(file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`open ${file}: no such file or directory`)
    throw error
  }
}

/** `replace --raw`: one local file or stdin, no --recursive or -o (checked after replace's own Validate). */
export function validateRawReplace(raw: string, flags: {filename?: string[]; recursive?: boolean; output?: string}): void {
  const files = flags.filename ?? []
  if (files.length !== 1) throw new CliError('--raw can only use a single local file or stdin')
  if (files[0]!.startsWith('http://') || files[0]!.startsWith('https://')) throw new CliError('--raw cannot read from a url')
  if (flags.recursive) throw new CliError('--raw and --recursive are mutually exclusive')
  if (flags.output) throw new CliError('--raw and --output are mutually exclusive')
  checkRawPath(raw)
}
