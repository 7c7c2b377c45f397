// The ids of ksim's visible commands (`get`, `rollout:status`), read from the oclif manifest the build
// writes beside package.json: what an unknown command is compared with.
import fs from 'node:fs'
import path from 'node:path'

/** The non-hidden command ids (aliases included) in `root`'s oclif.manifest.json; none when unreadable. */
export function commandIdsOf(root: string): string[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'oclif.manifest.json'), 'utf8')) as {commands?: Record<string, {hidden?: boolean; aliases?: string[]}>}
    return Object.entries(manifest.commands ?? {}).flatMap(([id, c]) => (c.hidden ? [] : [id, ...(c.aliases ?? [])]))
  } catch {
    return []
  }
}
