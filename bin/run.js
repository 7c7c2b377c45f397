#!/usr/bin/env node
// ksim's command line. CommonJS (bin/package.json), which spares Node its ES module loader at start-up.
// `ksim __complete ...` (what the shell completion scripts call on every TAB) takes a fast path that
// loads only the completion code, never oclif or the commands: dist/ksim-complete.cjs, one file with its
// own code cache (scripts/bundle.js), or dist/src's modules where that bundle is absent. Everything else runs dist/ksim.cjs,
// the whole CLI in one file (scripts/bundle.js), compiled with the V8 code cache the build wrote beside
// it (scripts/code-cache.js): `ksim get pods` takes ~1.5x `node -e 0` this way, ~3.6x from dist/src.
'use strict'
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const vm = require('node:vm')

/** The bundle and its code cache (a line with the bundle's id, then V8's data). */
const BUNDLE = path.join(__dirname, '..', 'dist', 'ksim.cjs')
const CACHE = `${BUNDLE}.cache`
/** The completion fast path's bundle (its cache is beside it, named the same way). */
const COMPLETE_BUNDLE = path.join(__dirname, '..', 'dist', 'ksim-complete.cjs')
const ID_PREFIX = '// ksim-bundle '

// V8 checks a cache against the source's length only: the id line ties it to one build of the bundle
function readCache(id, cache) {
  try {
    const data = fs.readFileSync(cache)
    const header = `${id}\n`
    if (data.length > header.length && data.toString('latin1', 0, header.length) === header) return data.subarray(header.length)
  } catch {
    // no cache: compile from source
  }
  return undefined
}

/** Writes the code cache `cache` for the bundle `id` from `script` (atomically); false when the folder is not writable. */
function writeCache(id, script, cache = CACHE) {
  const tmp = `${cache}.${process.pid}.tmp`
  let fd
  try {
    // opened first: where nothing can be written, V8 is not asked for the data (~10 ms) on every run
    fd = fs.openSync(tmp, 'w')
    fs.writeSync(fd, `${id}\n`, null, 'latin1')
    fs.writeSync(fd, script.createCachedData())
    fs.closeSync(fd)
    fd = undefined
    fs.renameSync(tmp, cache)
    return true
  } catch {
    if (fd !== undefined) fs.closeSync(fd)
    fs.rmSync(tmp, {force: true})
    return false
  }
}

/**
 * Runs the bundle as Node runs a CommonJS file (same wrapper, __filename, __dirname and require), and
 * registers it in require.cache, so that oclif's require() of it for the commands and the help class
 * (package.json `oclif`) returns this instance. Compiled with the code cache when the cache belongs to
 * this bundle and this Node accepts it; otherwise, with `refreshCache`, a new cache is written when the
 * process exits (when the folder is not writable, nothing is). Returns the exports, the vm.Script and
 * whether a cache was used. `bundle` is dist/ksim.cjs unless given (COMPLETE_BUNDLE).
 */
function loadBundle({useCache = true, refreshCache = useCache, bundle = BUNDLE} = {}) {
  const source = fs.readFileSync(bundle, 'latin1')
  const id = source.slice(ID_PREFIX.length, source.indexOf('\n'))
  const cache = `${bundle}.cache`
  const cachedData = useCache ? readCache(id, cache) : undefined
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // oclif import()s ES module plugins; Node 20 before 20.18 has no such constant (and ksim no such plugins)
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected
  if (refreshCache && !cacheUsed) process.once('exit', () => writeCache(id, script, cache))
  const mod = new Module(bundle, module)
  mod.filename = bundle
  mod.paths = Module._nodeModulePaths(path.dirname(bundle))
  require.cache[bundle] = mod
  // oclif checks its own package's `engines` when it loads; bundled, that costs semver and a file read
  const engineCheck = process.env.OCLIF_DISABLE_ENGINE_WARNING
  process.env.OCLIF_DISABLE_ENGINE_WARNING = '1'
  try {
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle))
    mod.loaded = true
  } catch (error) {
    delete require.cache[bundle]
    throw error
  } finally {
    if (engineCheck === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
    else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineCheck
  }
  return {exports: mod.exports, script, id, cacheUsed}
}

/** The completion code: its bundle, or dist/src's modules when there is none (a build that made none). */
function completion() {
  try {
    return loadBundle({bundle: COMPLETE_BUNDLE}).exports
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
    return require('../dist/src/cli/complete/index.cjs')
  }
}

/** What completion reads: the build's extract of the manifest (complete/model.cts), else the manifest itself. */
function completionModel() {
  const model = path.join(__dirname, '..', 'dist', 'ksim-complete.json')
  return fs.existsSync(model) ? model : path.join(__dirname, '..', 'oclif.manifest.json')
}

module.exports = {BUNDLE, CACHE, COMPLETE_BUNDLE, loadBundle, writeCache}

if (require.main === module) {
  if (process.argv[2] === '__complete') completion().main(process.argv.slice(3), completionModel())
  // the background reconciler (spawned by ksim itself) runs from dist/src without oclif: less memory
  else if (process.argv[2] === '__reconciler') import('../dist/src/reconciler/daemon.js').then(({main}) => main(process.argv.slice(3)))
  else loadBundle().exports.main(path.join(__dirname, '..'))
}
