import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {formatRootHelp} from '../src/help.js'
import {ROOT, Sandbox} from './helpers/cli.js'

describe('help', function () {
  this.timeout(60_000)

  it("groups the root page's commands like kubectl's, listing only the commands there are", () => {
    const commands = [
      {id: 'get', summary: 'Display one or many resources'},
      {id: 'create', summary: 'Create a resource from a file or from stdin'},
      {id: 'create:secret:generic', summary: 'Create a secret from a local file, directory, or literal value'},
      {id: 'delete', description: 'Delete resources by file names, stdin, resources and names, or by resources and label selector\n\nMore text.'},
      {id: 'cluster:create', summary: 'Create a local cluster'},
      {id: 'config:use-context', summary: 'Set the current-context'},
      {id: 'label', summary: 'Update the labels on a resource'},
      {id: 'completion', summary: 'Output shell completion code for the specified shell (bash or zsh)'},
      {id: 'api-resources', summary: 'Print the supported API resources on the server'},
      {id: 'help', summary: 'Help about any command'},
      {id: 'reconciler:run', summary: 'Run a reconciler', hidden: true},
    ]
    const topics: Record<string, string> = {cluster: 'Create, switch between and run local clusters', config: 'Modify the ksim config (contexts)'}
    expect(formatRootHelp('ksim', commands, (t) => topics[t])).to.equal(`ksim controls a local, simulated Kubernetes cluster with kubectl's commands.

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Cluster Management Commands:
  cluster         Create, switch between and run local clusters

Settings Commands:
  label           Update the labels on a resource
  completion      Output shell completion code for the specified shell (bash or zsh)

Other Commands:
  api-resources   Print the supported API resources on the server
  config          Modify the ksim config (contexts)

Usage:
  ksim [flags] [options]

Use "ksim <command> --help" for more information about a given command.`)
  })

  it('prints the grouped root page for --help, -h and help, on stdout', () => {
    const sb = new Sandbox()
    try {
      const help = sb.run(['--help'])
      expect(help.code).to.equal(0)
      expect(help.stderr).to.equal('')
      expect(help.stdout).to.match(/^ksim controls a local, simulated Kubernetes cluster with kubectl's commands\.\n\nBasic Commands \(Beginner\):\n  create {10}C/)
      expect(help.stdout).to.include('\n\nBasic Commands (Intermediate):\n  explain         Get documentation for a resource\n  get             Display one or many resources\n')
      expect(help.stdout).to.include('\n\nSettings Commands:\n  label           Update the labels on a resource\n')
      expect(help.stdout).to.match(/\n\nUsage:\n {2}ksim \[flags\] \[options\]\n\nUse "ksim <command> --help" for more information about a given command\.\n$/)
      expect(sb.run(['-h']).stdout).to.equal(help.stdout)
      expect(sb.run(['help']).stdout).to.equal(help.stdout)
      expect(sb.run(['help', 'cluster']).stdout).to.include('  cluster create  Create a local cluster\n')
      expect(fs.existsSync(path.join(sb.home, 'clusters'))).to.equal(false)
    } finally {
      sb.cleanup()
    }
  })

  it('has examples for every command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, {examples?: string[]}>}
    const without = Object.entries(manifest.commands)
      .filter(([, c]) => (c.examples ?? []).length === 0)
      .map(([id]) => id)
    expect(without).to.deep.equal([])
  })
})
