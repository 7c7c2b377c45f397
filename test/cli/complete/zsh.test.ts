import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {CompletionHome} from './fixture.js'
import {onPath, quote, runScript, typeInShell} from './shell.js'

/**
 * What the completion function passes to compadd for lines typed in zsh. Outside a completion widget
 * zsh's words/CURRENT/PREFIX are plain parameters and compadd cannot run, so the test sets the first
 * and records calls to the second (and to compset and _files); the interactive test below runs the
 * real completion system.
 */
function zshTab(home: CompletionHome, lines: string[]): string[] {
  const calls = lines.map((line) => {
    const words = `ksim ${line}`.split(' ')
    return `words=(${words.map(quote).join(' ')}); CURRENT=${words.length}; PREFIX=${quote(words.at(-1) ?? '')}; _ksim; print -r -- "status=$?"`
  })
  const script = [
    'compdef() { print -r -- "compdef $*" }',
    'source <(ksim completion zsh)',
    'compadd() { print -r -- "compadd ${(j:|:)@}" }',
    'compset() { print -r -- "compset $*" }',
    '_files() { print -r -- _files }',
    ...calls,
  ].join('\n')
  return runScript('zsh', script, home.env()).split('\n').slice(0, -1)
}

describe('completion in zsh', function () {
  this.timeout(120_000)
  let home: CompletionHome

  before(async function () {
    // CI installs zsh (.ci/run) and must run these; on a user's machine without zsh they are skipped
    // with a visible reason rather than failing `npm test`
    if (!onPath('zsh')) {
      if (process.env.CI) throw new Error('zsh is not installed: the zsh completion tests need it (apt-get install -y zsh)')
      console.log('    (zsh is not installed: skipping the zsh completion tests; apt-get install -y zsh to run them)')
      this.skip()
    }
    home = new CompletionHome()
    await home.cluster('dev', 1, true)
    home.populate('dev', {namespaces: ['team-a'], pods: [['default', 'nginx'], ['default', 'nginx-2'], ['default', 'web'], ['team-a', 'api']]})
  })

  after(() => home?.cleanup())

  it('registers _ksim for ksim with compdef when sourced', () => {
    expect(zshTab(home, [])).to.deep.equal(['compdef _ksim ksim'])
  })

  it('adds the candidates for commands, flags, flag values and live names', () => {
    expect(zshTab(home, ['clu', 'get --ou', 'get -o jsonp', 'get pods ', 'delete pod ng', 'get pod/', 'get --namespace=te', 'get -n team-a pods ', 'create -f '])).to.deep.equal([
      'compdef _ksim ksim',
      'compadd --|cluster',
      'status=0',
      'compadd --|--output|--output-watch-events',
      'status=0',
      "compadd -S||--|jsonpath=|jsonpath-as-json=|jsonpath-file=",
      'status=0',
      'compadd --|nginx|nginx-2|web',
      'status=0',
      'compadd --|nginx|nginx-2',
      'status=0',
      'compadd --|pod/nginx|pod/nginx-2|pod/web',
      'status=0',
      'compadd --|--namespace=team-a',
      'status=0',
      'compadd --|api',
      'status=0',
      'compset -P *=',
      '_files',
      'status=0',
    ])
  })

  it('adds nothing and prints nothing when the state file is corrupt', () => {
    const scratch = new CompletionHome()
    try {
      fs.mkdirSync(path.join(scratch.home, 'clusters', 'dev'), {recursive: true})
      fs.writeFileSync(path.join(scratch.home, 'clusters', 'dev', 'state.db'), 'garbage')
      fs.writeFileSync(path.join(scratch.home, 'config.json'), '{"currentContext":"dev","contexts":{"dev":{"cluster":"dev"}}}')
      expect(zshTab(scratch, ['get pods '])).to.deep.equal(['compdef _ksim ksim', 'compadd --', 'status=0'])
    } finally {
      scratch.cleanup()
    }
  })

  /** An interactive zsh with compinit whose .zshrc ends with `setup`; Ctrl-T records the line. */
  async function typeInZsh(setup: string, lines: string[]): Promise<string[]> {
    fs.writeFileSync(path.join(home.home, 'manifest.yaml'), '')
    const zdotdir = fs.mkdtempSync(path.join(home.home, 'zdotdir-'))
    fs.writeFileSync(path.join(zdotdir, '.zshenv'), 'setopt no_global_rcs\n')
    fs.writeFileSync(
      path.join(zdotdir, '.zshrc'),
      [setup, "PS1='READY> '", 'dump() { print -r -- "$BUFFER" >> $KSIM_TEST_OUT }', 'zle -N dump', "bindkey '^T' dump", ''].join('\n'),
    )
    return typeInShell('zsh -i', {...home.env(), ZDOTDIR: zdotdir}, lines)
  }

  const LINES = ['ksim clu', 'ksim get pods w', 'ksim delete pod ngi', 'ksim get pod/w', 'ksim get -o jsonpath-f', 'ksim get -n team-a pods ', 'ksim create -f manif', 'ksim apply --filename=manif']
  const COMPLETED = [
    'ksim cluster ',
    'ksim get pods web ',
    'ksim delete pod nginx',
    'ksim get pod/web ',
    'ksim get -o jsonpath-file=',
    'ksim get -n team-a pods api ',
    'ksim create -f manifest.yaml ',
    'ksim apply --filename=manifest.yaml ',
  ]

  it('completes on TAB in an interactive zsh that sources the script', async () => {
    const typed = await typeInZsh('autoload -Uz compinit && compinit -u -D\nsource <(ksim completion zsh)', LINES)
    expect(typed).to.deep.equal(COMPLETED)
  })

  it('completes on TAB in an interactive zsh that finds _ksim on $fpath', async () => {
    const dir = path.join(home.home, 'zfunc')
    fs.mkdirSync(dir, {recursive: true})
    fs.writeFileSync(path.join(dir, '_ksim'), runScript('zsh', 'ksim completion zsh', home.env()))
    const typed = await typeInZsh(`fpath=(${quote(dir)} $fpath)\nautoload -Uz compinit && compinit -u -D`, LINES)
    expect(typed).to.deep.equal(COMPLETED)
  })
})
