#!/usr/bin/env node
// Runs the CLI from the compiled modules in dist/src rather than the bundle, reading the commands
// afresh instead of from oclif.manifest.json (for working on commands: stack traces name the files).
'use strict'
const path = require('node:path')
const {Plugin, execute} = require('@oclif/core')

const root = path.join(__dirname, '..')
const pjson = require('../package.json')
const oclif = {...pjson.oclif, commands: './dist/src/commands', helpClass: './dist/src/help.js'}
const plugin = new Plugin({root, isRoot: true, type: 'core', ignoreManifest: true, pjson: {...pjson, oclif}})
plugin.load().then(() => execute({development: true, loadOptions: {root, pjson: plugin.pjson, plugins: new Map([[plugin.name, plugin]])}}))
