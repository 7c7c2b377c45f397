import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {defaultPod} from '../../../src/api/defaults/pod.js'
import {fieldErrorText, type FieldError} from '../../../src/api/errors.js'
import {defaultApiSettings} from '../../../src/api/strategy.js'
import {POD_UPDATE_FORBIDDEN, specDiff, validatePodUpdate} from '../../../src/api/validation/pod-update.js'

const texts = (errs: FieldError[]): string[] => errs.map((e) => fieldErrorText(e))

function pod(spec: Record<string, unknown>): Pod {
  const p = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'default'}, spec} as unknown as Pod
  defaultPod(p, defaultApiSettings)
  return p
}

function changed(old: Pod, edit: (p: Pod) => void): Pod {
  const p = structuredClone(old)
  edit(p)
  return p
}

describe('validatePodUpdate', () => {
  const old = pod({containers: [{name: 'web', image: 'nginx:1.27', ports: [{containerPort: 80}]}], activeDeadlineSeconds: 100})

  it('allows changing images, shortening activeDeadlineSeconds and adding tolerations', () => {
    const next = changed(old, (p) => {
      p.spec!.containers[0].image = 'nginx:1.28'
      p.spec!.activeDeadlineSeconds = 50
      p.spec!.tolerations = [...p.spec!.tolerations!, {key: 'dedicated', operator: 'Exists', effect: 'NoSchedule'}]
    })
    expect(validatePodUpdate(next, old)).to.deep.equal([])
  })

  it('uses the current Kubernetes wording for a forbidden spec change', () => {
    expect(POD_UPDATE_FORBIDDEN).to.equal(
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    )
  })

  it('forbids other spec changes with that message followed by a diff', () => {
    const next = changed(old, (p) => {
      p.spec!.containers[0].ports![0].containerPort = 8080
    })
    const errs = validatePodUpdate(next, old)
    expect(errs).to.have.length(1)
    expect(errs[0].field).to.equal('spec')
    expect(fieldErrorText(errs[0]).split('\n')[0]).to.equal(`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`)
    expect(fieldErrorText(errs[0])).to.contain('- \tContainers: [')
  })

  it('lets an unscheduled pod get a node once, then keeps spec.nodeName fixed', () => {
    const bound = changed(old, (p) => {
      p.spec!.nodeName = 'node-1'
    })
    expect(validatePodUpdate(bound, old)).to.deep.equal([])
    const moved = changed(bound, (p) => {
      p.spec!.nodeName = 'node-2'
    })
    const errs = validatePodUpdate(moved, bound)
    expect(texts(errs)[0].split('\n')[0]).to.equal(`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`)
    expect(texts(errs)[0]).to.contain('- \tNodeName: "node-1",\n+ \tNodeName: "node-2",')
  })

  it('forbids adding or removing containers and stops there', () => {
    const next = changed(old, (p) => {
      p.spec!.containers.push({name: 'side', image: 'busybox', terminationMessagePolicy: 'File', imagePullPolicy: 'Always'})
    })
    expect(texts(validatePodUpdate(next, old))).to.deep.equal(['spec.containers: Forbidden: pod updates may not add or remove containers'])
  })

  it('only lets activeDeadlineSeconds shrink and never be removed', () => {
    const longer = changed(old, (p) => {
      p.spec!.activeDeadlineSeconds = 200
    })
    expect(texts(validatePodUpdate(longer, old))).to.deep.equal(['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value'])
    const removed = changed(old, (p) => {
      delete p.spec!.activeDeadlineSeconds
    })
    expect(texts(validatePodUpdate(removed, old))).to.deep.equal([
      'spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value',
    ])
  })

  it('lets existing tolerations change only their tolerationSeconds', () => {
    const seconds = changed(old, (p) => {
      p.spec!.tolerations![0].tolerationSeconds = 60
    })
    expect(validatePodUpdate(seconds, old)).to.deep.equal([])
    const dropped = changed(old, (p) => {
      p.spec!.tolerations = p.spec!.tolerations!.slice(1)
    })
    expect(texts(validatePodUpdate(dropped, old))).to.deep.equal(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'])
  })

  it('allows a negative grace period to become 1', () => {
    const negative = pod({containers: [{name: 'web', image: 'nginx'}], terminationGracePeriodSeconds: -1})
    const fixed = changed(negative, (p) => {
      p.spec!.terminationGracePeriodSeconds = 1
    })
    expect(validatePodUpdate(fixed, negative)).to.deep.equal([])
  })

  it('renders a go-cmp style diff of the changed fields', () => {
    expect(specDiff({containers: [], restartPolicy: 'Always'}, {containers: [], restartPolicy: 'Never'})).to.equal(
      '  core.PodSpec{\n  \t... // 4 identical fields\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n  \t... // 29 identical fields\n  }\n',
    )
  })
})
