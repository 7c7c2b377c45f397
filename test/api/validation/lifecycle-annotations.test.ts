import {expect} from 'chai'

import type {Pod} from 'kubernetes-types/core/v1.js'

import {fieldErrorText} from '../../../src/api/errors.js'
import {validateLifecycleAnnotations} from '../../../src/api/validation/lifecycle-annotations.js'

const pod = (annotations: Record<string, string>): Pod =>
  ({metadata: {name: 'web', annotations}, spec: {initContainers: [{name: 'setup', image: 'busybox'}], containers: [{name: 'web', image: 'nginx'}]}}) as Pod
const errors = (annotations: Record<string, string>): string[] => validateLifecycleAnnotations(pod(annotations)).map(fieldErrorText)

describe('ksim.io lifecycle annotations', () => {
  it('accepts every known annotation with good values, pod-wide or per container', () => {
    expect(
      errors({
        'ksim.io/run-seconds': '10',
        'ksim.io/exit-code': '255',
        'ksim.io/termination-seconds.web': '2.5',
        'ksim.io/ignore-sigterm': 'false',
        'ksim.io/prestop-exec-seconds': '0',
        'ksim.io/pull-seconds.setup': '0.001',
        'ksim.io/start-seconds': '1',
        'ksim.io/ready-seconds': '3',
        'ksim.io/pull-error.web': 'rpc error: code = NotFound desc = not found',
        'ksim.io/memory-usage': '512Mi',
        'ksim.io/memory-usage.setup': '1.5G',
        'example.com/other': 'anything',
      }),
    ).to.deep.equal([])
  })

  it('rejects unknown ksim.io annotations, listing the known ones', () => {
    expect(errors({'ksim.io/run-secs': '1'})).to.deep.equal([
      'metadata.annotations: Invalid value: "ksim.io/run-secs": unknown ksim.io annotation; known annotations are ksim.io/run-seconds, ksim.io/exit-code, ksim.io/termination-seconds, ksim.io/ignore-sigterm, ksim.io/prestop-exec-seconds, ksim.io/pull-seconds, ksim.io/start-seconds, ksim.io/ready-seconds, ksim.io/pull-error, ksim.io/memory-usage, ksim.io/liveness-fail-seconds, ksim.io/readiness-fail-seconds, ksim.io/readiness-recover-seconds, ksim.io/startup-fail-seconds, each optionally suffixed with .<container>',
    ])
  })

  it('rejects bad values and suffixes naming no container', () => {
    expect(errors({'ksim.io/run-seconds': 'soon', 'ksim.io/exit-code': '256', 'ksim.io/ignore-sigterm': 'yes', 'ksim.io/pull-seconds': '-1', 'ksim.io/ready-seconds.db': '1'})).to.deep.equal([
      'metadata.annotations[ksim.io/exit-code]: Invalid value: "256": must be an integer exit code from 0 to 255',
      'metadata.annotations[ksim.io/ignore-sigterm]: Invalid value: "yes": must be "true" or "false"',
      'metadata.annotations[ksim.io/pull-seconds]: Invalid value: "-1": must be a non-negative number of seconds with at most 3 decimals (e.g. "5" or "0.5")',
      'metadata.annotations: Invalid value: "ksim.io/ready-seconds.db": no container named "db" in this pod',
      'metadata.annotations[ksim.io/run-seconds]: Invalid value: "soon": must be a non-negative number of seconds with at most 3 decimals (e.g. "5" or "0.5")',
    ])
  })

  it('rejects an empty pull error and a memory usage that is no quantity or negative, naming the annotation', () => {
    expect(errors({'ksim.io/pull-error': ' ', 'ksim.io/memory-usage': '512MB', 'ksim.io/memory-usage.web': '-1Gi'})).to.deep.equal([
      'metadata.annotations[ksim.io/memory-usage]: Invalid value: "512MB": must be a non-negative memory quantity (e.g. "512Mi" or "1G")',
      'metadata.annotations[ksim.io/memory-usage.web]: Invalid value: "-1Gi": must be a non-negative memory quantity (e.g. "512Mi" or "1G")',
      'metadata.annotations[ksim.io/pull-error]: Invalid value: " ": must be a non-empty error message',
    ])
  })
})
