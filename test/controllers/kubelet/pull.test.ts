import {expect} from 'chai'

import {containerStatus, phaseOf, stateOf} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

const IMAGE = 'registry.invalid/team/app:v1'
const DNS =
  'rpc error: code = Unknown desc = failed to pull and unpack image "registry.invalid/team/app:v1": failed to resolve reference "registry.invalid/team/app:v1": ' +
  'failed to do request: Head "https://registry.invalid/v2/team/app/manifests/v1": dial tcp: lookup registry.invalid: no such host'

describe('kubelet: image pulls that fail', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  const waiting = (): {reason: string; message: string} => containerStatus(pod(), 'web')!.state.waiting
  const run = (container: Record<string, unknown>, annotations: Record<string, string> = {}): void => {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', ...container}], nodeName: 'ksim-worker'}, {annotations: {...FAST, ...annotations}})
    at(0)
    at(200)
  }

  it('fails to resolve a registry under a reserved domain: ErrImagePull, ImagePullBackOff, pulls again after 10 s, 20 s, 40 s', () => {
    run({image: IMAGE})
    expect(waiting()).to.deep.equal({reason: 'ErrImagePull', message: DNS})
    expect(phaseOf(pod())).to.equal('Pending')
    expect(h.tc.events('web')).to.deep.equal([
      `Normal Pulling Pulling image "${IMAGE}"`,
      `Warning Failed Failed to pull image "${IMAGE}": ${DNS}`,
      'Warning Failed Error: ErrImagePull',
    ])
    expect(h.tc.pass(h.k)).to.deep.include({writes: 0})

    at(1200) // the PLEG sees the new sandbox and syncs again: the image is in back-off
    expect(waiting()).to.deep.equal({reason: 'ImagePullBackOff', message: `Back-off pulling image "${IMAGE}": ErrImagePull: ${DNS}`})
    expect(h.tc.events('web').slice(3)).to.deep.equal([`Normal BackOff Back-off pulling image "${IMAGE}"`, 'Warning Failed Error: ImagePullBackOff'])

    at(11_199)
    expect(waiting().reason).to.equal('ImagePullBackOff')
    at(11_200) // the worker's retry 10 s later: the 10 s back-off is over, it pulls again
    expect(waiting()).to.deep.equal({reason: 'ErrImagePull', message: DNS})
    expect(h.tc.events('web')[0]).to.equal(`Normal Pulling Pulling image "${IMAGE}" (x2)`)

    at(21_200) // back-off now 20 s
    expect(waiting().reason).to.equal('ImagePullBackOff')
    at(31_200)
    expect(waiting().reason).to.equal('ErrImagePull')
    for (const t of [41_200, 51_200, 61_200]) {
      at(t) // back-off 40 s: three syncs in back-off
      expect(waiting().reason).to.equal('ImagePullBackOff')
    }
    at(71_200)
    expect(waiting().reason).to.equal('ErrImagePull')
    expect(h.tc.events('web')).to.deep.equal([
      `Normal Pulling Pulling image "${IMAGE}" (x4)`,
      `Warning Failed Failed to pull image "${IMAGE}": ${DNS} (x4)`,
      'Warning Failed Error: ErrImagePull (x4)',
      `Normal BackOff Back-off pulling image "${IMAGE}" (x5)`,
      'Warning Failed Error: ImagePullBackOff (x5)',
    ])
  })

  it('fails with the message of ksim.io/pull-error.<container>, and starts once the image is fixed', () => {
    const error = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27": not found'
    run({}, {'ksim.io/pull-error.web': error})
    expect(waiting()).to.deep.equal({reason: 'ErrImagePull', message: error})
    expect(h.tc.events('web')[1]).to.equal(`Warning Failed Failed to pull image "nginx:1.27": ${error}`)
    at(1200)
    const p = pod()!
    const annotations = {...(p.metadata.annotations as Record<string, string>)}
    delete annotations['ksim.io/pull-error.web']
    h.tc.api.update({...p, metadata: {...p.metadata, annotations}, spec: {...(p.spec as object), containers: [{...(p.spec as any).containers[0], image: 'nginx:1.28'}]}})
    at(1300) // a new image is a new back-off key: pulled at once
    expect(stateOf(pod(), 'web')).to.equal('running')
    expect(h.tc.events('web').filter((e) => e.includes('nginx:1.28')).map((e) => e.split(' in 0s')[0])).to.deep.equal([
      'Normal Pulling Pulling image "nginx:1.28"',
      'Normal Pulled Successfully pulled image "nginx:1.28"',
    ])
  })

  it('gives InvalidImageName for a reference the kubelet cannot parse, retried by the pod worker', () => {
    run({image: 'Nginx:1.27'})
    const message = 'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase'
    expect(waiting()).to.deep.equal({reason: 'InvalidImageName', message})
    expect(h.tc.events('web')).to.deep.equal([`Warning InspectFailed ${message}`, 'Warning Failed Error: InvalidImageName'])
    at(10_200)
    expect(h.tc.events('web')).to.deep.equal([`Warning InspectFailed ${message} (x2)`, 'Warning Failed Error: InvalidImageName (x2)'])
  })

  it('gives ErrImageNeverPull for a missing image with imagePullPolicy Never', () => {
    run({image: 'registry.invalid/app:v1', imagePullPolicy: 'Never'})
    const message = 'Container image "registry.invalid/app:v1" is not present with pull policy of Never'
    expect(waiting()).to.deep.equal({reason: 'ErrImageNeverPull', message})
    expect(h.tc.events('web')).to.deep.equal([`Warning ErrImageNeverPull ${message}`, 'Warning Failed Error: ErrImageNeverPull'])
  })
})
