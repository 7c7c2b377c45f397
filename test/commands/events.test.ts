// `ksim events`: kubectl's events command (cmd/events), its table, filters and formats. The expected
// texts follow kubectl 1.35.2, whose output for the same events (served by `ksim serve`) matched ksim's.
import {expect} from 'chai'

import {RememberingTabs} from '../../src/cli/verbs/events-watch.js'
import {Sandbox} from '../helpers/cli.js'

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z')

/** An Event as the controllers write them (legacy fields), `minutes` old, about `kind/name`. */
const event = (name: string, o: {ns?: string; kind: string; apiVersion: string; obj: string; type: string; reason: string; message: string; first: number; last?: number; count?: number}) => `apiVersion: v1
kind: Event
metadata: {name: ${name}, namespace: ${o.ns ?? 'default'}}
involvedObject: {kind: ${o.kind}, apiVersion: ${o.apiVersion}, name: ${o.obj}, namespace: ${o.ns ?? 'default'}}
type: ${o.type}
reason: ${o.reason}
message: "${o.message}"
source: {component: test}
firstTimestamp: "${ago(o.first)}"
lastTimestamp: "${ago(o.last ?? o.first)}"
count: ${o.count ?? 1}
---
`

describe('ksim events', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-events-', {KSIM_NO_RECONCILER: '1'})
    sb.run(['create', 'namespace', 'other'])
    const manifest =
      event('web.1', {kind: 'Deployment', apiVersion: 'apps/v1', obj: 'web', type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-1 from 0 to 2', first: 50}) +
      event('web.2', {kind: 'Pod', apiVersion: 'v1', obj: 'web', type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', first: 40, last: 20, count: 3}) +
      event('pi.1', {kind: 'CronJob', apiVersion: 'batch/v1', obj: 'pi', type: 'Warning', reason: 'InvalidSchedule', message: 'invalid schedule', first: 30}) +
      event('far.1', {ns: 'other', kind: 'Pod', apiVersion: 'v1', obj: 'far', type: 'Normal', reason: 'Pulled', message: 'pulled  ', first: 45})
    const r = sb.run(['create', '-f', sb.write('events.yaml', manifest)])
    expect([r.stderr, r.code]).to.deep.equal(['', 0])
  })
  after(() => sb.cleanup())

  it('prints the namespace\'s events oldest first in kubectl\'s table, a repeated one as (xN over AGE)', () => {
    expect(sb.run(['events'])).to.deep.equal({
      stdout:
        'LAST SEEN           TYPE      REASON              OBJECT           MESSAGE\n' +
        '50m                 Normal    ScalingReplicaSet   Deployment/web   Scaled up replica set web-1 from 0 to 2\n' +
        '30m                 Warning   InvalidSchedule     CronJob/pi       invalid schedule\n' +
        '20m (x3 over 40m)   Warning   BackOff             Pod/web          Back-off restarting failed container\n',
      stderr: '',
      code: 0,
    })
  })

  it('adds NAMESPACE with -A, drops the headings with --no-headers, and filters by --types in any case', () => {
    expect(sb.run(['events', '-A', '--types=normal', '--no-headers']).stdout).to.equal(
      'default   50m   Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-1 from 0 to 2\n' + 'other     45m   Normal   Pulled              Pod/far          pulled\n',
    )
    expect(sb.run(['events', '--types', 'Warning,Normal', '-n', 'other']).stdout).to.equal('LAST SEEN   TYPE     REASON   OBJECT    MESSAGE\n45m         Normal   Pulled   Pod/far   pulled\n')
    expect(sb.run(['events', '--types=Bad'])).to.deep.equal({stdout: '', stderr: 'error: valid --types are Normal or Warning\n', code: 1})
  })

  it('keeps to one object with --for TYPE/NAME, matching its kind and API version', () => {
    for (const f of ['deploy/web', 'Deployment.apps/web', 'deployments.v1.apps/web']) {
      expect(sb.run(['events', '--for', f]).stdout, f).to.equal('LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n50m         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-1 from 0 to 2\n')
    }
    expect(sb.run(['events', '--for=pod/web', '--types=Normal'])).to.deep.equal({stdout: '', stderr: 'No events found in default namespace.\n', code: 0})
    expect(sb.run(['events', '--for=pod/none', '-A'])).to.deep.equal({stdout: '', stderr: 'No events found.\n', code: 0})
  })

  it('answers a bad --for in kubectl\'s words', () => {
    expect(sb.run(['events', '--for', 'web'])).to.deep.equal({stdout: '', stderr: 'error: --for must be in resource/name form\n', code: 1})
    expect(sb.run(['events', '--for', 'a/b/c'])).to.deep.equal({stdout: '', stderr: 'error: arguments in resource/name form may not have more than one slash\n', code: 1})
    expect(sb.run(['events', '--for', 'nope/x'])).to.deep.equal({stdout: '', stderr: 'the server doesn\'t have a resource type "nope"\n', code: 1})
    expect(sb.run(['events', '--for', 'cronjob.v1.example.com/pi'])).to.deep.equal({stdout: '', stderr: 'the server doesn\'t have a resource type "cronjob" in group "v1.example.com"\n', code: 1})
  })

  it('prints the EventList with -o: JSON in the typed fields\' order, YAML sorted; -o name prints nothing, as kubectl', () => {
    const json = sb.run(['events', '--for', 'cronjob/pi', '-o', 'json'])
    expect(json.code).to.equal(0)
    expect(json.stdout).to.match(/^\{\n {4}"kind": "EventList",\n {4}"apiVersion": "v1",\n {4}"metadata": \{\},\n {4}"items": \[\n {8}\{\n {12}"kind": "Event",\n {12}"apiVersion": "v1",\n {12}"metadata": \{\n {16}"name": "pi.1",\n {16}"namespace": "default",\n/)
    expect(json.stdout).to.match(/"involvedObject": \{\n {16}"kind": "CronJob",\n {16}"namespace": "default",\n {16}"name": "pi",\n {16}"apiVersion": "batch\/v1"\n {12}\},\n {12}"reason": "InvalidSchedule",\n {12}"message": "invalid schedule",\n {12}"source": \{\n {16}"component": "test"\n {12}\},/)
    const yaml = sb.run(['events', '--for', 'cronjob/pi', '-o', 'yaml'])
    expect(yaml.stdout).to.match(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}count: 1\n[^]*\n {2}reason: InvalidSchedule\n[^]*\nkind: EventList\nmetadata: \{\}\n$/)
    expect(sb.run(['events', '-o', 'jsonpath={.items[*].reason}'])).to.deep.equal({stdout: 'ScalingReplicaSet InvalidSchedule BackOff', stderr: '', code: 0})
    expect(sb.run(['events', '-o', 'name'])).to.deep.equal({stdout: '', stderr: '', code: 0})
  })

  it('keeps the widest cells of earlier flushes, as cli-runtime\'s tabwriter (RememberWidths) does under -w', () => {
    const tabs = new RememberingTabs()
    expect(tabs.flush(['LAST SEEN\tTYPE\tMESSAGE', '5m\tNormal\tm'])).to.equal('LAST SEEN   TYPE     MESSAGE\n5m          Normal   m\n')
    expect(tabs.flush(['0s\tNormal\tlater'])).to.equal('0s          Normal   later\n')
    expect(tabs.flush(['0s\tWarningLong\tx'])).to.equal('0s          WarningLong   x\n')
  })

  it('-w prints the stored events in store order, then each new one, and ends quietly at --request-timeout', async () => {
    const watching = sb.runAsync(['events', '-w', '-A', '--types=Warning', '--request-timeout=3s'])
    await new Promise((r) => setTimeout(r, 1500))
    const more = event('late.1', {kind: 'Pod', apiVersion: 'v1', obj: 'web', type: 'Warning', reason: 'Failed', message: 'late', first: 0}) +
      event('late.2', {kind: 'Pod', apiVersion: 'v1', obj: 'web', type: 'Normal', reason: 'Pulled', message: 'not shown', first: 0})
    expect(sb.run(['create', '-f', sb.write('late.yaml', more)]).code).to.equal(0)
    const r = await watching
    expect([r.stderr, r.code]).to.deep.equal(['', 0])
    // the header is flushed with the first line; a wider cell later widens only the lines after it
    expect(r.stdout).to.match(
      new RegExp(
        '^NAMESPACE   LAST SEEN   TYPE      REASON            OBJECT       MESSAGE\\n' +
          'default     30m         Warning   InvalidSchedule   CronJob/pi   invalid schedule\\n' +
          'default     20m \\(x3 over 40m\\)   Warning   BackOff           Pod/web      Back-off restarting failed container\\n' +
          'default     [01]s                  Warning   Failed            Pod/web      late\\n$',
      ),
    )
    expect(sb.run(['events', '-w', '--for=cronjob/pi', '-o', 'name', '--request-timeout=1s'])).to.deep.equal({stdout: 'event/pi.1\n', stderr: '', code: 0})
  })
})
