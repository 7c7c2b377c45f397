#!/usr/bin/env node
// `ksim __complete ...` (what the shell completion scripts call on every TAB) takes a fast path that
// loads only the completion module (CommonJS, loaded synchronously), never oclif or the commands.
if (process.argv[2] === '__complete') {
  const {createRequire} = await import('node:module')
  createRequire(import.meta.url)('../dist/src/cli/complete/index.cjs').main(process.argv.slice(3))
} else if (process.argv[2] === '__reconciler') {
  // the background reconciler (spawned by ksim itself) runs without oclif too: less memory, faster start
  const {main} = await import('../dist/src/reconciler/daemon.js')
  await main(process.argv.slice(3))
} else {
  const {execute} = await import('@oclif/core')
  await execute({dir: import.meta.url})
}
