// Generates oclif.manifest.json the way `oclif manifest` does, with @oclif/core alone (the oclif CLI
// package needs Node 22). The manifest is what oclif reads at start-up instead of loading every command.
import {Plugin} from '@oclif/core'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

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
  await writeRunManifest(root, manifest)
  writeCompletionModel(root, manifest)
}

// dist/ksim-complete.json: what shell completion reads of the manifest (src/cli/complete/model.cts)
function writeCompletionModel(root, manifest) {
  const {COMPLETION_MODEL, completionModel} = createRequire(import.meta.url)(path.join(root, 'dist', 'src', 'cli', 'complete', 'model.cjs'))
  fs.writeFileSync(path.join(root, COMPLETION_MODEL), JSON.stringify(completionModel(manifest)))
}

// dist/oclif.run.json: the manifest without what only help prints, read when a command runs (see
// src/cli/run-manifest.ts, compiled to dist/src before this runs)
async function writeRunManifest(root, manifest) {
  const {RUN_MANIFEST, RUN_MANIFEST_KEYS} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'cli', 'run-manifest.js')).href)
  const keep = new Set(RUN_MANIFEST_KEYS)
  const commands = Object.fromEntries(Object.entries(manifest.commands).map(([id, c]) => [id, Object.fromEntries(Object.entries(c).filter(([k]) => keep.has(k)))]))
  fs.writeFileSync(path.join(root, RUN_MANIFEST), JSON.stringify({...manifest, commands}))
}
