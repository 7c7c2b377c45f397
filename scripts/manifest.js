// Generates oclif.manifest.json the way `oclif manifest` does, with @oclif/core alone (the oclif CLI
// package needs Node 22). The manifest is what oclif reads at start-up instead of loading every command.
import {Plugin} from '@oclif/core'
import fs from 'node:fs'
import path from 'node:path'

export async function buildManifest(root) {
  const manifestFile = path.join(root, 'oclif.manifest.json')
  const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, isRoot: true})
  await plugin.load()
  // oclif lists commands in the order it finds their files, which varies between machines and runs;
  // sorted, the committed manifest changes only when a command does
  const manifest = plugin.manifest
  manifest.commands = Object.fromEntries(Object.entries(manifest.commands).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return {file: manifestFile, manifest}
}

export async function writeManifest(root) {
  const {file, manifest} = await buildManifest(root)
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n')
  console.log(`wrote ${path.basename(file)} (${Object.keys(manifest.commands).length} commands)`)
}
