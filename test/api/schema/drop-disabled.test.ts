import {expect} from 'chai'

import {checkFields, dropDisabledPodFields} from '../../../src/api/schema/strict.js'

type Obj = Record<string, unknown>

/** A pod using every field v1.34 knows but keeps behind a feature gate that is off by default. */
function gatedPod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'gated'},
    spec: {
      hostnameOverride: 'other',
      initContainers: [
        {name: 'sidecar', image: 'envoy', restartPolicy: 'Always'},
        {name: 'setup', image: 'busybox', restartPolicy: 'Never', restartPolicyRules: [{action: 'Restart', exitCodes: {operator: 'In', values: [42]}}]},
      ],
      containers: [
        {
          name: 'web',
          image: 'nginx',
          restartPolicy: 'Never',
          env: [{name: 'A', valueFrom: {fileKeyRef: {volumeName: 'cfg', path: 'a.env', key: 'A'}}}, {name: 'B', value: 'b'}],
          lifecycle: {stopSignal: 'SIGUSR1'},
          volumeMounts: [
            {name: 'img', mountPath: '/img'},
            {name: 'certs', mountPath: '/certs'},
          ],
        },
        {name: 'app', image: 'app', lifecycle: {stopSignal: 'SIGINT', preStop: {sleep: {seconds: 5}}}, volumeMounts: [{name: 'img', mountPath: '/img'}]},
      ],
      volumes: [
        {name: 'img', image: {reference: 'quay.io/crio/artifact:v2', pullPolicy: 'IfNotPresent'}},
        {name: 'certs', projected: {sources: [{podCertificate: {signerName: 'example.com/foo', keyType: 'ED25519'}}, {clusterTrustBundle: {name: 'ca', path: 'ca.pem'}}]}},
      ],
    },
    status: {extendedResourceClaimStatus: {requestMappings: [], resourceClaimName: 'x'}, containerStatuses: [{name: 'web', allocatedResourcesStatus: []}]},
  }
}

describe('dropDisabledPodFields', () => {
  it('knows every gated field, so none of them is an unknown field', () => {
    expect(checkFields('Pod', 'v1', gatedPod())).to.deep.equal({unknown: []})
  })

  it('drops what v1.34 drops with default feature gates', () => {
    const pod = gatedPod()
    dropDisabledPodFields(pod)
    expect(pod.spec).to.deep.equal({
      initContainers: [
        {name: 'sidecar', image: 'envoy', restartPolicy: 'Always'},
        {name: 'setup', image: 'busybox'},
      ],
      containers: [
        {name: 'web', image: 'nginx', env: [{name: 'A', valueFrom: {}}, {name: 'B', value: 'b'}], volumeMounts: [{name: 'certs', mountPath: '/certs'}]},
        {name: 'app', image: 'app', lifecycle: {preStop: {sleep: {seconds: 5}}}},
      ],
      volumes: [{name: 'certs', projected: {sources: [{}, {}]}}],
    })
    expect(pod.status).to.deep.equal({containerStatuses: [{name: 'web'}]})
  })

  it('leaves a pod without gated fields as it was', () => {
    const pod = {spec: {containers: [{name: 'web', image: 'nginx', lifecycle: {preStop: {exec: {command: ['sh']}}}}], volumes: [{name: 'v', emptyDir: {}}]}}
    const before = JSON.stringify(pod)
    dropDisabledPodFields(pod)
    expect(JSON.stringify(pod)).to.equal(before)
  })
})
