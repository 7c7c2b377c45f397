import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {jobType} from '../../../src/api/kinds/job.js'
import {lookupResource} from '../../../src/api/registry.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

const container = {name: 'pi', image: 'perl:5.34.0'}
function job(spec: Record<string, unknown>, name = 'pi'): KObject {
  return {apiVersion: 'batch/v1', kind: 'Job', metadata: {name, namespace: 'default'}, spec}
}
const never = {spec: {restartPolicy: 'Never', containers: [container]}}

describe('Job kind', () => {
  const {api, failure} = useKindApi(FIXED)

  it('resolves jobs and jobs.batch, in the all category, without a short name', () => {
    expect(lookupResource('jobs.batch')?.kind).to.equal('Job')
    expect(lookupResource('job')?.categories).to.deep.equal(['all'])
    expect(jobType.shortNames).to.deep.equal([])
  })

  it('defaults as SetDefaults_Job and generates the selector and the pod labels from the uid', () => {
    const j = api().create(job({template: never})).object
    const uid = j.metadata.uid!
    const spec = j.spec as Record<string, any>
    expect(spec).to.deep.include({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
    })
    expect(spec.selector).to.deep.equal({matchLabels: {'batch.kubernetes.io/controller-uid': uid}})
    const labels = {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi'}
    expect(spec.template.metadata.labels).to.deep.equal(labels)
    expect(j.metadata.labels).to.deep.equal(labels)
    expect(j.metadata.generation).to.equal(1)
    expect(j.status).to.deep.equal({})
  })

  it('keeps a Job\'s own labels; leaves completions unset for a work queue; Failed replacement with a podFailurePolicy', () => {
    const rules = [{action: 'Ignore', onPodConditions: [{type: 'DisruptionTarget'}]}]
    const j = api().create({...job({parallelism: 3, podFailurePolicy: {rules}, template: never}), metadata: {name: 'q', namespace: 'default', labels: {team: 'a'}}}).object
    const spec = j.spec as Record<string, any>
    expect([spec.completions, spec.parallelism, spec.podReplacementPolicy]).to.deep.equal([undefined, 3, 'Failed'])
    expect(spec.podFailurePolicy.rules[0].onPodConditions).to.deep.equal([{status: 'True', type: 'DisruptionTarget'}])
    expect(j.metadata.labels).to.deep.equal({team: 'a'})
  })

  it('refuses a template restartPolicy other than OnFailure or Never with the API server\'s messages', () => {
    const a = api()
    expect(failure(() => a.create(job({template: {spec: {containers: [container]}}})))).to.equal(
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    )
    expect(failure(() => a.create(job({podFailurePolicy: {rules: [{action: 'FailJob', onExitCodes: {operator: 'In', values: [1]}}]}, template: {spec: {restartPolicy: 'OnFailure', containers: [container]}}})))).to.equal(
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    )
  })

  it('refuses bad counts, modes and policies', () => {
    const a = api()
    // completions would be defaulted to 1 with parallelism unset: Indexed needs it when parallelism is given
    expect(failure(() => a.create(job({backoffLimit: -1, completionMode: 'Indexed', parallelism: 2, template: never})))).to.equal(
      'The Job "pi" is invalid: \n* spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0\n* spec.completions: Required value: when completion mode is Indexed',
    )
    expect(failure(() => a.create(job({backoffLimitPerIndex: 1, template: never})))).to.equal(
      'The Job "pi" is invalid: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
    )
    const rule = {action: 'Retry', onExitCodes: {operator: 'In', values: [0, 3, 2]}}
    expect(failure(() => a.create(job({podFailurePolicy: {rules: [rule]}, template: never})))).to.equal(
      'The Job "pi" is invalid: \n* spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"\n' +
        '* spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator\n' +
        '* spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 3, 2}: must be ordered',
    )
    expect(failure(() => a.create(job({completionMode: 'Indexed', completions: 3, template: never}, 'a-very-long-job-name-that-leaves-no-room-for-the-index-suffix-x')))).to.equal(
      'The Job "a-very-long-job-name-that-leaves-no-room-for-the-index-suffix-x" is invalid: metadata.name: Invalid value: "a-very-long-job-name-that-leaves-no-room-for-the-index-suffix-x": will not able to create pod with invalid DNS label: a-very-long-job-name-that-leaves-no-room-for-the-index-suffix-x-2',
    )
  })

  it('refuses a selector it did not generate, and a manual selector that does not match the template', () => {
    const a = api()
    const text = failure(() => a.create(job({selector: {matchLabels: {app: 'x'}}, template: never})))
    const uid = '[0-9a-f-]{36}'
    expect(text).to.match(
      new RegExp(
        `^The Job "pi" is invalid: \n\\* spec\\.selector: Invalid value: v1\\.LabelSelector\\{MatchLabels:map\\[string\\]string\\{"app":"x", "batch\\.kubernetes\\.io/controller-uid":"${uid}"\\}, MatchExpressions:\\[\\]v1\\.LabelSelectorRequirement\\(nil\\)\\}: \`selector\` not auto-generated\n` +
          `\\* spec\\.template\\.metadata\\.labels: Invalid value: map\\[string\\]string\\{"batch\\.kubernetes\\.io/controller-uid":"${uid}", "batch\\.kubernetes\\.io/job-name":"pi", "controller-uid":"${uid}", "job-name":"pi"\\}: \`selector\` does not match template \`labels\`$`,
      ),
    )
    expect(failure(() => a.create(job({manualSelector: true, selector: {matchLabels: {app: 'x'}}, template: never})))).to.equal(
      'The Job "pi" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    )
  })

  it('on update: completions only change for Indexed Jobs, the selector and completionMode never', () => {
    const a = api()
    a.create(job({template: never}))
    const change = (f: (spec: Record<string, any>) => void) =>
      failure(() => a.modify(jobType, 'default', 'pi', (o) => f(o.spec as Record<string, any>)))
    expect(change((s) => (s.completions = 3))).to.equal('The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable')
    expect(change((s) => (s.completionMode = 'Indexed'))).to.equal('The Job "pi" is invalid: spec.completionMode: Invalid value: "Indexed": field is immutable')
    a.modify(jobType, 'default', 'pi', (o) => void ((o.spec as Record<string, any>).parallelism = 4))
    expect((a.get(jobType, 'default', 'pi').metadata.generation)).to.equal(2)
    a.create(job({completionMode: 'Indexed', completions: 2, parallelism: 2, template: never}, 'ix'))
    const ix = (f: (spec: Record<string, any>) => void) => a.modify(jobType, 'default', 'ix', (o) => f(o.spec as Record<string, any>))
    expect(failure(() => ix((s) => (s.completions = 3)))).to.equal('The Job "ix" is invalid: spec.completions: Invalid value: 3: can only be modified in tandem with spec.parallelism')
    ix((s) => Object.assign(s, {completions: 3, parallelism: 3}))
    expect((a.get(jobType, 'default', 'ix').spec as {completions: number}).completions).to.equal(3)
  })
})
