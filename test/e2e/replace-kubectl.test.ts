// `ksim replace` beside the real kubectl 1.35's `replace` through `ksim serve`, on one cluster: each step
// runs first with kubectl, then with ksim, on the same object, and both must print the same bytes, exit
// the same and leave the same state (data, field managers, last-applied annotation) — plain replace,
// -o name, --dry-run, --save-config, NotFound, a stale resourceVersion's Conflict, --force (delete, wait,
// create), --raw PUT, and the flag checks kubectl makes before it sends anything.
import {expect} from 'chai'

import {type RunResult} from '../helpers/cli.js'
import {lineDiff} from '../helpers/line-diff.js'
import {useServedKubectl} from './serve-helpers.js'

const cm = (name: string, a: string, extra = ''): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}data:\n  a: "${a}"\n`

describe('ksim replace does what kubectl 1.35 replace does through ksim serve', function () {
  this.timeout(600_000)
  const files: Record<string, string> = {}
  const ctx = useServedKubectl('ksim-replace-', (sb) => {
    sb.run(['cluster', 'create', 'demo'])
    files.v1 = sb.write('v1.yaml', cm('one', '1'))
    files.v2 = sb.write('v2.yaml', cm('one', '2'))
    files.labelled = sb.write('labelled.yaml', cm('one', '3', '  labels:\n    tier: web\n'))
    files.stale = sb.write('stale.yaml', cm('one', '4', '  resourceVersion: "1"\n'))
    files.missing = sb.write('missing.yaml', cm('nothere', '1'))
    files.two = sb.write('two.yaml', `${cm('one', '5')}---\n${cm('nothere', '1')}`)
    files.json = sb.write('one.json', JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'one'}, data: {a: 'raw'}}))
    expect(sb.run(['create', '-f', files.v1]).code).to.equal(0)
  })

  const STATE = ['get', 'cm', 'one', '-o', 'jsonpath={.data.a} {.metadata.managedFields[*].manager} {.metadata.annotations}']

  /** Runs `args` with kubectl then ksim (`before` with ksim ahead of each); returns the differences in output, exit code and state after. */
  async function both(args: string[], before: string[] = []): Promise<string[]> {
    // every write moves the resourceVersion: the one a --raw answer shows is the only thing that differs
    const show = (r: RunResult): string => `exit ${r.code}\n[stdout]\n${r.stdout.replaceAll(/"resourceVersion":"\d+"/g, '"resourceVersion":"N"')}\n[stderr]\n${r.stderr}`
    if (before.length > 0) ctx.sb.run(before)
    const want = await ctx.kubectl(args)
    want.stderr = want.stderr.replaceAll(/^See 'kubectl /gm, "See 'ksim ")
    const wantState = ctx.sb.run(STATE).stdout
    if (before.length > 0) ctx.sb.run(before)
    const got = ctx.sb.run(args)
    const gotState = ctx.sb.run(STATE).stdout
    const diffs: string[] = []
    if (show(want) !== show(got)) diffs.push(`$ kubectl ${args.join(' ')}    (- kubectl 1.35, + ksim)\n${lineDiff(show(want), show(got))}`)
    if (wantState !== gotState) diffs.push(`$ kubectl ${args.join(' ')}: state after    (- kubectl 1.35, + ksim)\n${lineDiff(wantState, gotState)}`)
    return diffs
  }

  it('prints the same, exits the same and leaves the same state for each replace', async () => {
    const steps: string[][] = [
      ['replace', '-f', files.v2],
      ['replace', '-f', files.v1, '-o', 'name'],
      ['replace', '-f', files.labelled, '--dry-run=server'],
      ['replace', '-f', files.v2, '--dry-run=client', '-o', 'yaml'],
      ['replace', '-f', files.labelled, '--save-config'],
      ['replace', '-f', files.v1, '-o', 'jsonpath={.data.a}'],
      ['replace', '-f', files.missing],
      ['replace', '-f', files.two],
      ['replace', '-f', files.stale],
      ['replace', '--force', '-f', files.v2],
      ['replace', '--force', '--grace-period=0', '-f', files.v1, '-o', 'name'],
      ['replace', '--raw', '/api/v1/namespaces/default/configmaps/one', '-f', files.json],
      ['replace', '--grace-period=5', '-f', files.v1],
      ['replace', '--timeout=5s', '-f', files.v1],
      ['replace', '--force', '--dry-run=server', '-f', files.v1],
      ['replace'],
      ['replace', '--raw', '/api/v1/namespaces/default/configmaps/one', '-f', files.v1, '-f', files.v2],
      ['replace', '--raw', 'nope', '-f', files.v1],
      ['replace', '--raw', '/api/v1/namespaces/default/configmaps/one', '-f', files.v1, '-o', 'name'],
      ['replace', '-f', files.v1, '--cascade=sideways'],
    ]
    const diffs: string[] = []
    for (const args of steps) diffs.push(...(await both(args)))
    // --force on an object that is not there: nothing deleted, then created
    diffs.push(...(await both(['replace', '--force', '-f', files.missing], ['delete', 'cm', 'nothere', '--ignore-not-found'])))
    if (diffs.length > 0) expect.fail(`${diffs.length} differences:\n${diffs.join('\n')}`)
  })
})
