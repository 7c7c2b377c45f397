// What completion knows about the CLI without loading it: commands, flags and resource types, read
// from oclif.manifest.json (the `completion` command publishes the registry's resource types there).
import fs from 'node:fs'

import {matchResourceName, type ResourceName} from '../../machinery/resource-names.cjs'

export type {ResourceName}

/** A flag as the manifest records it. */
export interface FlagInfo {
  name: string
  char?: string
  type: 'boolean' | 'option'
  hidden?: boolean
  options?: string[]
  description?: string
}

/** A command as the manifest records it. */
export interface CommandInfo {
  id: string
  aliases?: string[]
  hidden?: boolean
  summary?: string
  description?: string
  flags: Record<string, FlagInfo>
  resourceTypes?: ResourceName[]
}

/** The manifest, indexed for completion. */
export interface Model {
  commands: Record<string, CommandInfo>
  /** alias id → command id */
  aliases: Record<string, string>
  resourceTypes: ResourceName[]
}

/** What completion reads of the manifest (scripts/manifest.js writes it for bin/run.js), relative to the package root. */
export const COMPLETION_MODEL = 'dist/ksim-complete.json'

/** The keys of a command, and of a flag, that completion reads: the rest (descriptions, examples, args) only help prints. */
const COMMAND_KEYS = ['id', 'aliases', 'hidden', 'summary', 'flags', 'resourceTypes']
const FLAG_KEYS = ['name', 'char', 'type', 'hidden', 'options', 'description']

const pick = <T extends object>(o: T, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)))

/** The manifest (oclif.manifest.json's object) with only what completion reads: ~40 % of it to parse on every TAB. */
export function completionModel(manifest: {commands: Record<string, CommandInfo>}): {commands: Record<string, CommandInfo>} {
  const command = (c: CommandInfo) => ({...pick(c, COMMAND_KEYS), flags: Object.fromEntries(Object.entries(c.flags ?? {}).map(([n, f]) => [n, pick(f, FLAG_KEYS)]))})
  return {commands: Object.fromEntries(Object.entries(manifest.commands).map(([id, c]) => [id, command(c) as CommandInfo]))}
}

/** Reads the manifest (or the completion model); undefined when it is missing or unreadable. */
export function loadModel(file: string): Model | undefined {
  let commands: Record<string, CommandInfo>
  try {
    commands = (JSON.parse(fs.readFileSync(file, 'utf8')) as {commands: Record<string, CommandInfo>}).commands
  } catch {
    return undefined
  }
  const aliases: Record<string, string> = {}
  for (const c of Object.values(commands)) for (const a of c.aliases ?? []) aliases[a] = c.id
  return {commands, aliases, resourceTypes: commands.completion?.resourceTypes ?? []}
}

/** The command an id (or alias) names. */
export function findCommand(model: Model, id: string): CommandInfo | undefined {
  return model.commands[id] ?? model.commands[model.aliases[id] ?? '']
}

/** The visible commands and topics one level below `parent` ('' for the root), by their last word. */
export function childNames(model: Model, parent: string): string[] {
  const prefix = parent ? `${parent}:` : ''
  const names = new Set<string>()
  for (const c of Object.values(model.commands)) {
    if (c.hidden || !c.id.startsWith(prefix) || c.id === parent) continue
    names.add(c.id.slice(prefix.length).split(':')[0])
  }
  return [...names].sort()
}

/** Whether `id` is a command or a topic (a prefix of some command id). */
export function isCommandPath(model: Model, id: string): boolean {
  if (findCommand(model, id)) return true
  return Object.keys(model.commands).some((c) => c.startsWith(`${id}:`))
}

/** kubectl's `api-resources -o name` form: `pods`, `leases.coordination.k8s.io`. */
export function resourceListName(rt: ResourceName): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural
}

/** Resolves what a user typed (`po`, `pods`, `Pod`, `leases.coordination.k8s.io`) as registry.ts does. */
export function lookupType(model: Model, text: string): ResourceName | undefined {
  return matchResourceName(model.resourceTypes, text)
}
