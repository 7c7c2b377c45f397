import type {PodSpec} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {fieldErrorText} from '../../../src/api/errors.js'
import {validatePodAffinities, validateTopologySpread} from '../../../src/api/validation/pod-scheduling.js'

const spec = (s: Record<string, unknown>): PodSpec => ({containers: [], ...s}) as PodSpec

describe('pod affinity and topology spread validation', () => {
  it('refuses an empty topologyKey, a weight outside 1-100 and a bad namespace name, in the API server words', () => {
    const errs = validatePodAffinities(
      spec({
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: 'web'}}, topologyKey: ''}],
            preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101, podAffinityTerm: {topologyKey: 'zone', namespaces: ['Bad_NS']}}],
          },
        },
      }),
    )
    expect(errs.map(fieldErrorText)).to.deep.equal([
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100',
      "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespace: Invalid value: \"Bad_NS\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
  })

  it('refuses a non-positive maxSkew, an unknown whenUnsatisfiable, repeated constraints and minDomains with ScheduleAnyway', () => {
    const errs = validateTopologySpread(
      spec({
        topologySpreadConstraints: [
          {maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2},
          {maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'Sometimes', nodeTaintsPolicy: 'Maybe'},
          {maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway'},
        ],
      }),
    )
    expect(errs.map(fieldErrorText)).to.deep.equal([
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, ScheduleAnyway}"',
      'spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
      'spec.topologySpreadConstraints[1].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[1].whenUnsatisfiable: Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"',
      'spec.topologySpreadConstraints[1].nodeTaintsPolicy: Unsupported value: "Maybe": supported values: "Honor", "Ignore"',
    ])
  })
})
