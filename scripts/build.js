// Builds ksim: compiles TypeScript (src and test) into dist/, bundles the CLI into dist/ksim.cjs with
// its V8 code cache (what bin/run.js runs), then writes oclif.manifest.json from the bundled commands
// so the CLI starts without loading every command.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true})
// the runtime schema for strict field validation, generated from the kubernetes-types declarations
const {generateSchema} = await import('./gen-schema.js')
const fieldSchema = generateSchema([path.join(root, 'src', 'api', 'schema', 'generated.json'), path.join(root, 'dist', 'src', 'api', 'schema', 'generated.json')])
// the field descriptions `ksim explain` and serve's OpenAPI documents read (kept out of the CLI bundle)
const {generateDescriptions} = await import('./gen-descriptions.js')
generateDescriptions(fieldSchema, [path.join(root, 'src', 'api', 'schema', 'descriptions.json'), path.join(root, 'dist', 'src', 'api', 'schema', 'descriptions.json')])
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], {stdio: 'inherit', cwd: root})

const {bundle, bundleComplete} = await import('./bundle.js')
await bundle(root)
await bundleComplete(root)
const {writeManifest} = await import('./manifest.js')
await writeManifest(root)
const {writeCodeCache} = await import('./code-cache.js')
writeCodeCache(root)
