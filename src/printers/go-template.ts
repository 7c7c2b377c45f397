// kubectl's GoTemplatePrinter (-o go-template, go-template-file, template, templatefile, --template):
// the object is JSON-encoded and decoded into interface{} (so every number is a float64), then run
// through text/template with kubectl's extra functions. Error texts are cli-runtime's.
import {goJson, goQuote} from '../machinery/go-format.js'
import {Exec} from './go-template-exec.js'
import {TemplateSyntaxError} from './go-template-lex.js'
import {parseGoTemplate as parse, type ParsedTemplate} from './go-template-parse.js'
import {ExecError, sprintV} from './go-template-values.js'
import {PrinterError} from './printer-error.js'

export interface GoTemplate {
  readonly text: string
  readonly parsed: ParsedTemplate
}

/** A go-template failure (its `output`: the text kubectl writes to stdout before the error, empty for parse errors). */
export class GoTemplateError extends PrinterError {
  override name = 'GoTemplateError'
}

/** NewGoTemplatePrinter's parse: `error parsing template {{.a, template: output:1: unclosed action`. */
export function parseGoTemplate(text: string): GoTemplate {
  try {
    return {text, parsed: parse('output', text)}
  } catch (e) {
    if (e instanceof TemplateSyntaxError) throw new GoTemplateError(`error parsing template ${text}, ${e.message}`)
    throw e
  }
}

/** JSON round trip: what the template sees (numbers stay JS numbers, i.e. float64). */
function decoded(obj: unknown): unknown {
  return JSON.parse(JSON.stringify(obj)) as unknown
}

/** Runs the template over one object (or List); the text it printed, or a GoTemplateError. */
export function executeGoTemplate(tpl: GoTemplate, obj: unknown): string {
  const data = decoded(obj)
  const exec = new Exec('output', tpl.text)
  try {
    return exec.run(tpl.parsed, data)
  } catch (e) {
    if (!(e instanceof ExecError)) throw e
    const debug =
      exec.out +
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${tpl.text}\n` +
      `\traw data was:\n\t\t${goJson(data)}\n` +
      `\tobject given to template engine was:\n\t\t${sprintV(data)}\n\n`
    throw new GoTemplateError(`error executing template ${goQuote(tpl.text)}: ${e.message}`, debug)
  }
}
