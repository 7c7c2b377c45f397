// Bundles the CLI — oclif, every command, the help class and the libraries they use — into one CommonJS
// file, dist/ksim.cjs, which bin/run.js loads. Node resolves, reads and compiles ~500 separate modules
// when the CLI runs from dist/src; one file (with a V8 code cache, see code-cache.js) starts about twice
// as fast. Libraries no common command runs go to a second file, dist/ksim-cold.cjs, loaded when first
// used. dist/src stays: tests, bin/dev.js and the completion fast path use it, and bundled modules find
// files there (generated.json) through import.meta.url, which keeps naming each module's own file.
import * as esbuild from 'esbuild'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

/** The bundles, relative to the package root; package.json's `oclif` section points at the first. */
export const BUNDLE = 'dist/ksim.cjs'
export const COLD_BUNDLE = 'dist/ksim-cold.cjs'
/** The completion fast path (`ksim __complete`, on every TAB): its modules and js-yaml, nothing of oclif's. */
export const COMPLETE_BUNDLE = 'dist/ksim-complete.cjs'

/** The bundle's first line: `// ksim-bundle <id>`, where id is a hash of the rest. */
export const BUNDLE_ID_PREFIX = '// ksim-bundle '

/**
 * Source edits to dependencies, each harmless and each worth milliseconds at start-up. A patch whose
 * text is not found (the dependency changed) is skipped with a warning: the bundle still works, only
 * slower; test/bundle.test.ts fails so that someone looks.
 */
export const PATCHES = [
  {
    // oclif sorts the root plugin's commands with localeCompare, whose first call loads ICU's collator
    // (~5 ms). Command ids are lower-case ASCII, which code-unit order sorts the same way.
    file: 'node_modules/@oclif/core/lib/config/plugin.js',
    find: '.sort((a, b) => a.id.localeCompare(b.id));',
    replace: '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));',
  },
  {
    // oclif reads package.json and oclif.manifest.json with fs/promises: the first asynchronous file
    // operation starts libuv's thread pool, and each read waits for a trip through it. Read at once.
    file: 'node_modules/@oclif/core/lib/util/fs.js',
    find: "const contents = await (0, promises_1.readFile)(path, 'utf8');",
    replace: "const contents = (0, node_fs_1.readFileSync)(path, 'utf8');",
  },
  {
    // oclif's platform check loads wsl-utils for its isWsl, and with it child_process and PowerShell
    // helpers; isWsl is is-wsl's answer (resolved from wsl-utils, whose dependency it is)
    file: 'node_modules/@oclif/core/lib/util/os.js',
    find: "(await import('wsl-utils')).isWsl",
    replace: "(await import('is-wsl')).default",
  },
  {
    // a root plugin created with the option `manifestFile` (src/cli/run-manifest.ts) reads that file, the
    // run-time manifest of ids and aliases (~10 KB), instead of the full oclif.manifest.json (~340 KB) with
    // every description, example and flag that only help prints
    file: 'node_modules/@oclif/core/lib/config/plugin.js',
    find: "const p = (0, node_path_1.join)(this.root, `${dotfile ? '.' : ''}oclif.manifest.json`);",
    replace: "const p = (0, node_path_1.join)(this.root, !dotfile && this.options.manifestFile ? this.options.manifestFile : `${dotfile ? '.' : ''}oclif.manifest.json`);",
  },
  {
    // better-sqlite3 finds its addon through `bindings`, which walks the stack and tries a dozen paths;
    // the bundle knows where the installed package is (see SQLITE_SHIM)
    file: 'node_modules/better-sqlite3/lib/database.js',
    find: "require('bindings')('better_sqlite3.node')",
    replace: "require('ksim:sqlite-addon').load()",
  },
]

/**
 * Modules imported at the top of code on the start-up path but called only on some paths: spawning,
 * uids and hashes, performance tracing, prompts, spinners, oclif's package-type probe, config-file
 * search and globbing (for plugin and command discovery ksim does not use). In the bundle each is an
 * object of getters, one per export the module has at build time, that loads the module on first use.
 */
export const LAZY = [
  'node:child_process', 'node:crypto', 'node:fs/promises', 'node:perf_hooks', 'node:readline',
  'cli-spinners', 'get-package-type', 'lilconfig', 'minimatch', 'tinyglobby',
]

/**
 * Libraries (with what they import) that go to the cold bundle: semver serves oclif's engine check (which bin/run.js turns off), the rest are
 * LAZY ones no ksim command uses. ~650 KB the start-up does not read.
 */
export const COLD = ['semver', 'cli-spinners', 'minimatch', 'tinyglobby']

// The ids and module files of the commands under dist/src/commands, as oclif's pattern strategy names them.
export function commandFiles(root) {
  const dir = path.join(root, 'dist', 'src', 'commands')
  const out = []
  const walk = (d, prefix) => {
    for (const e of fs.readdirSync(d, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(d, e.name), [...prefix, e.name])
      else if (e.name.endsWith('.js')) out.push({id: [...prefix, ...(e.name === 'index.js' ? [] : [e.name.slice(0, -3)])].join(':'), file: [...prefix, e.name].join('/')})
    }
  }
  walk(dir, [])
  return out
}

// The entry: oclif's explicit command strategy reads `commands` (id -> class), the help class is
// `KsimHelp`. Each command is a getter around require(), so esbuild wraps the command modules and
// loading the bundle evaluates none of them: oclif asks for the one it runs.
function entrySource(root) {
  const lines = [
    "'use strict'",
    'const commands = {}',
    'const command = (id, load) => Object.defineProperty(commands, id, {enumerable: true, get: load})',
    ...commandFiles(root).map(({id, file}) => `command(${JSON.stringify(id)}, () => require('./src/commands/${file}').default)`),
    'exports.commands = commands',
    "Object.defineProperty(exports, 'KsimHelp', {enumerable: true, get: () => require('./src/help.js').default})",
    "exports.run = require('@oclif/core').run",
    "exports.execute = require('@oclif/core').execute",
    // main with the command classes, for the common verbs' fast path (src/cli/fast-path.ts)
    "exports.main = (root, argv) => require('./src/cli/main.js').main(root, argv, commands)",
  ]
  return lines.join('\n') + '\n'
}

// better-sqlite3 as the bundled code sees it: the bundled copy of its JavaScript when the installed
// package is the same release (its native addon loaded straight from build/Release), else the
// installed package itself, loaded the ordinary way, so that JavaScript and addon always match.
const SQLITE_SHIM = (version) => `
const fs = require('node:fs')
const path = require('node:path')
let dir
try {
  dir = path.dirname(require.resolve('better-sqlite3/package.json'))
  if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version !== ${JSON.stringify(version)}) dir = undefined
} catch {
  dir = undefined
}
if (dir) {
  require('ksim:sqlite-addon').dir = dir
  module.exports = require('ksim:bundled-better-sqlite3')
} else module.exports = require('better-sqlite3')
`

const SQLITE_ADDON = `
const fs = require('node:fs')
const path = require('node:path')
exports.dir = undefined
exports.load = () => {
  const file = path.join(exports.dir, 'build', 'Release', 'better_sqlite3.node')
  if (fs.existsSync(file)) return require(file)
  return require('bindings')({bindings: 'better_sqlite3.node', module_root: exports.dir})
}
`

// How a stub reaches the real module: the cold bundle's export, or a require esbuild bundles
const loadExpression = (stub) =>
  stub.coldKey ? `require(require('node:path').join(__dirname, ${JSON.stringify(path.basename(COLD_BUNDLE))}))[${JSON.stringify(stub.coldKey)}]` : `require(${JSON.stringify(stub.name)})`

// What a stub stands in for: whether the module is an ES module (then only its default export is
// offered), else whether it is a function and its own property names
function moduleShape(file) {
  if (isEsmFile(file)) return {esm: true}
  const mod = createRequire(import.meta.url)(file)
  const skip = new Set(['default', '__esModule', 'prototype', 'length', 'name', 'caller', 'arguments'])
  return {esm: false, callable: typeof mod === 'function', keys: Object.getOwnPropertyNames(mod).filter((k) => !skip.has(k))}
}

// .mjs, or .js under a package.json that says "type": "module"
function isEsmFile(file) {
  if (file.endsWith('.mjs')) return true
  if (!file.endsWith('.js')) return false
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pj = path.join(dir, 'package.json')
    if (fs.existsSync(pj)) return JSON.parse(fs.readFileSync(pj, 'utf8')).type === 'module'
    if (path.dirname(dir) === dir) return false
  }
}

function stubSource(stub) {
  const load = loadExpression(stub)
  if (stub.lazy) {
    const {callable, keys} = stub.shape
    return `
let real
const load = () => (real ??= ${load})
const lazy = ${callable ? 'function (...args) { return new.target ? Reflect.construct(load(), args, new.target) : load().apply(this, args) }' : '{}'}
for (const key of ${JSON.stringify(keys)}) Object.defineProperty(lazy, key, {enumerable: true, get: () => load()[key]})
module.exports = lazy
`
  }
  // a cold module imported only lazily (semver: require() inside a function)
  return stub.shape.esm ? `const m = ${load}\nexport default m.default\n` : `module.exports = ${load}\n`
}

function ksimPlugin(root, {applied, cold}) {
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version
  // a file may have several patches
  const patches = new Map()
  for (const p of PATCHES) patches.set(path.join(root, p.file), [...(patches.get(path.join(root, p.file)) ?? []), p])
  const lazy = new Set(LAZY)
  const coldNames = new Set(COLD)
  const stubs = new Map()
  return {
    name: 'ksim',
    setup(build) {
      // an import of a LAZY or COLD module resolves to a stub (one per resolved module file); the
      // stub's own import of the module resolves as usual
      build.onResolve({filter: /.*/}, async (args) => {
        if (args.namespace === 'ksim-stub') return undefined
        const name = [args.path, `node:${args.path}`].find((n) => lazy.has(n) || coldNames.has(n))
        if (!name) return undefined
        const builtin = name.startsWith('node:')
        const resolved = builtin ? name : (await build.resolve(name, {kind: args.kind, resolveDir: args.resolveDir, namespace: 'ksim-stub'})).path
        const key = builtin ? name : path.relative(root, resolved).split(path.sep).join('/')
        if (!stubs.has(key)) {
          const coldKey = coldNames.has(name) ? key : undefined
          if (coldKey) cold.set(coldKey, resolved)
          stubs.set(key, {name: builtin ? name : resolved, lazy: lazy.has(name), coldKey, shape: moduleShape(resolved)})
        }
        return {path: key, namespace: 'ksim-stub'}
      })
      build.onLoad({filter: /.*/, namespace: 'ksim-stub'}, (args) => ({contents: stubSource(stubs.get(args.path)), resolveDir: root, loader: 'js'}))
      build.onResolve({filter: /^better-sqlite3$/}, (args) =>
        args.importer === 'ksim:sqlite-shim' ? {path: 'better-sqlite3', external: true} : {path: 'ksim:sqlite-shim', namespace: 'ksim'},
      )
      build.onResolve({filter: /^is-wsl$/}, async (args) => {
        if (!args.importer.endsWith(path.join('@oclif', 'core', 'lib', 'util', 'os.js'))) return undefined
        const wslUtils = await build.resolve('wsl-utils', {kind: args.kind, resolveDir: args.resolveDir})
        return build.resolve('is-wsl', {kind: args.kind, resolveDir: path.dirname(wslUtils.path)})
      })
      build.onResolve({filter: /^ksim:sqlite-addon$/}, () => ({path: 'ksim:sqlite-addon', namespace: 'ksim'}))
      build.onResolve({filter: /^ksim:bundled-better-sqlite3$/}, () => ({path: path.join(root, 'node_modules', 'better-sqlite3', 'lib', 'index.js')}))
      build.onLoad({filter: /.*/, namespace: 'ksim'}, (args) => ({
        contents: args.path === 'ksim:sqlite-shim' ? SQLITE_SHIM(sqliteVersion) : SQLITE_ADDON,
        resolveDir: root,
        loader: 'js',
      }))
      build.onLoad({filter: /\.(c?js)$/}, (args) => {
        const filePatches = patches.get(args.path) ?? []
        const rel = path.relative(path.join(root, 'dist'), args.path)
        const ours = rel.startsWith('src' + path.sep)
        if (filePatches.length === 0 && !ours) return undefined
        let contents = fs.readFileSync(args.path, 'utf8')
        for (const patch of filePatches) {
          if (!contents.includes(patch.find)) continue
          contents = contents.replace(patch.find, patch.replace)
          applied.push(patch)
        }
        // import.meta.url of a module of ours is the URL of its file in dist/src, as when run unbundled
        if (ours && contents.includes('import.meta.url')) {
          const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(rel.split(path.sep).join('/'))})).href`
          contents = contents.replaceAll('import.meta.url', url)
        }
        return {contents, loader: 'js'}
      })
    },
  }
}

// esbuild turns `import fs from 'node:fs'` into __toESM(require("node:fs")): a new object with a getter
// per property of the module, for each importing file (~30 files, 1 ms and 0.7 MB at every start). For
// a built-in module an object that inherits from it reads the same.
function withBuiltinNamespaces(code) {
  const pattern = /__toESM\(require\("(node:[\w/]+)"\)(, 1)?\)/g
  if (!pattern.test(code)) return code
  const helper = 'var __builtinNamespace = (mod) => Object.create(mod, { default: { value: mod, enumerable: true } });\n'
  return code.replace('"use strict";\n', `"use strict";\n${helper}`).replace(pattern, '__builtinNamespace(require("$1"))')
}

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  // typescript: oclif's tsconfig lookup, for development mode only
  external: ['typescript'],
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'error',
}

// Writes `code` with the id line bin/run.js checks its code cache against; returns the file's path.
function writeWithId(root, file, code) {
  const id = createHash('sha256').update(code).digest('hex').slice(0, 32)
  fs.writeFileSync(path.join(root, file), `${BUNDLE_ID_PREFIX}${id}\n${code}`)
  return path.join(root, file)
}

/**
 * Writes dist/ksim-complete.cjs: dist/src/cli/complete in one file, which bin/run.js compiles with its
 * code cache (code-cache.js) instead of resolving, reading and compiling each module (and js-yaml's ~15)
 * on every TAB. better-sqlite3 stays outside: live.cts loads its native addon itself, by path.
 */
export async function bundleComplete(root) {
  const entry = "module.exports = require('./src/cli/complete/index.cjs')\n"
  const built = await esbuild.build({
    ...COMMON,
    stdin: {contents: entry, resolveDir: path.join(root, 'dist'), sourcefile: 'ksim-complete-entry.cjs', loader: 'js'},
    outfile: path.join(root, COMPLETE_BUNDLE),
    external: [...COMMON.external, 'better-sqlite3'],
  })
  return writeWithId(root, COMPLETE_BUNDLE, withBuiltinNamespaces(built.outputFiles[0].text))
}

/** Writes dist/ksim.cjs and dist/ksim-cold.cjs from the compiled dist/src; returns the first's path. */
export async function bundle(root) {
  const outfile = path.join(root, BUNDLE)
  const applied = []
  const cold = new Map()
  const main = await esbuild.build({
    ...COMMON,
    stdin: {contents: entrySource(root), resolveDir: path.join(root, 'dist'), sourcefile: 'ksim-entry.cjs', loader: 'js'},
    outfile,
    plugins: [ksimPlugin(root, {applied, cold})],
  })
  for (const p of PATCHES) if (!applied.includes(p)) console.warn(`bundle: patch not applied (text not found): ${p.file}`)
  writeWithId(root, BUNDLE, withBuiltinNamespaces(main.outputFiles[0].text))

  const coldEntry = [...cold].map(([key, file]) => `Object.defineProperty(exports, ${JSON.stringify(key)}, {enumerable: true, get: () => require(${JSON.stringify(file)})})`)
  const coldBuild = await esbuild.build({
    ...COMMON,
    stdin: {contents: coldEntry.join('\n') + '\n', resolveDir: root, sourcefile: 'ksim-cold-entry.cjs', loader: 'js'},
    outfile: path.join(root, COLD_BUNDLE),
  })
  fs.writeFileSync(path.join(root, COLD_BUNDLE), coldBuild.outputFiles[0].text)
  return outfile
}
