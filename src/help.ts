// `ksim --help` and `ksim help` grouped the way kubectl groups its commands (kubectl's cmd.go), listing
// only the commands ksim has; the rest fall under "Other Commands:". Help for one command or topic
// stays oclif's. Loaded by oclif through `oclif.helpClass` in package.json.
import {Command, CommandHelp, Help} from '@oclif/core'

import {COMMAND_GROUPS} from './cli/command-groups.js'


/** A command as the root page needs it. */
export interface RootEntry {
  id: string
  hidden?: boolean
  summary?: string
  description?: string
}

/**
 * kubectl's root page for `commands`: the groups (only the commands that exist), "Other Commands:"
 * for the rest, then usage. Topics (`cluster`) are described by `topicDescription`.
 */
export function formatRootHelp(bin: string, commands: RootEntry[], topicDescription: (topic: string) => string | undefined): string {
  const summaries = new Map<string, string>()
  const visible = commands.filter((c) => !c.hidden)
  for (const c of visible.filter((c) => !c.id.includes(':'))) summaries.set(c.id, firstLine(c.summary ?? c.description))
  for (const c of visible.filter((c) => c.id.includes(':'))) {
    const topic = c.id.split(':')[0]
    if (!summaries.has(topic)) summaries.set(topic, firstLine(topicDescription(topic)))
  }
  // cobra pads names to the longest sibling's length (hidden ones too), at least 11
  const pad = Math.max(11, ...commands.map((c) => c.id.split(':')[0].length))
  const grouped = new Set(COMMAND_GROUPS.flatMap(([, names]) => names))
  // like kubectl, the root page does not list `help` itself
  const others = [...summaries.keys()].filter((n) => !grouped.has(n) && n !== 'help').sort()
  const sections = [...COMMAND_GROUPS, ['Other Commands:', others] as [string, string[]]]
    .map(([title, names]) => [title, names.filter((n) => summaries.has(n))] as const)
    .filter(([, names]) => names.length > 0)
    .map(([title, names]) => [title, ...names.map((n) => `  ${n.padEnd(pad)}   ${summaries.get(n)}`)].join('\n'))
  return [
    `${bin} controls a local, simulated Kubernetes cluster with kubectl's commands.`,
    ...sections,
    `Usage:\n  ${bin} [flags] [options]`,
    `Use "${bin} <command> --help" for more information about a given command.`,
  ].join('\n\n')
}

/**
 * One command's help: no DESCRIPTION section (the description already heads the page, see KsimHelp), and
 * examples never wrapped (they must copy-paste: oclif's wrapping put ` \\` inside quoted JSONPath and JSON).
 */
export class KsimCommandHelp extends CommandHelp {
  protected override description(): string | undefined {
    return undefined
  }

  private asCommand(example: string): string {
    const text = this.render(example)
    const bin = this.config.bin
    return text.startsWith(bin) ? `$ ${text}` : text
  }

  private isCommandLine(example: string): boolean {
    return this.asCommand(example).startsWith(`$ ${this.config.bin}`)
  }

  protected override examples(examples: Command.Example[] | string | undefined): string | undefined {
    if (!examples || examples.length === 0) return undefined
    const list = Array.isArray(examples) ? examples : [examples]
    return list
      .map((a) => {
        if (typeof a !== 'string') return `${this.wrap(a.description, this.indentSpacing * 2)}\n\n${this.indent(this.asCommand(a.command))}`
        const lines = a.split(/\r?\n/).filter(Boolean)
        if (lines.length >= 2 && !this.isCommandLine(lines[0]) && lines.slice(1).every((l) => this.isCommandLine(l))) {
          // a long command line stays one line
          return `${this.wrap(lines[0], this.indentSpacing * 2)}\n\n${lines
            .slice(1)
            .map((c) => this.indent(this.asCommand(c)))
            .join('\n')}`
        }
        return lines.map((l) => this.asCommand(l)).join('\n')
      })
      .join('\n\n')
  }
}

/**
 * oclif's help with kubectl's root page, and a command's page headed as kubectl's is: by its Long text
 * (`Mark node as schedulable.`, as written, with its final punctuation); the Short text (the summary,
 * `Mark node as schedulable`) stays for command lists.
 */
export default class KsimHelp extends Help {
  #showing?: string

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    this.#showing = command.id
    try {
      await super.showCommandHelp(command)
    } finally {
      this.#showing = undefined
    }
  }

  protected override async showRootHelp(): Promise<void> {
    this.log(formatRootHelp(this.config.bin, this.config.commands, (topic) => this.config.findTopic(topic)?.description))
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    return new KsimCommandHelp(command, this.config, this.opts)
  }

  protected override summary(c: Command.Loadable): string | undefined {
    if (c.id === this.#showing && c.description) return this.render(c.description)
    return super.summary(c)
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]
}
