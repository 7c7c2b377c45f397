#!/usr/bin/env node
// Runs the CLI from the freshly compiled output, ignoring oclif.manifest.json (for working on commands).
import {execute} from '@oclif/core'

await execute({development: true, dir: import.meta.url})
