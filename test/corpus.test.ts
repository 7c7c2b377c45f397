// Every manifest from the Kubernetes documentation corpus fed to `create`, as a user would run it:
// made only of kinds ksim serves, it is created — or rejected exactly as a v1.34 API server (or kubectl)
// rejects it; documents of other kinds get kubectl's no-match error.
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {builtinKind} from '../src/api/builtin-kinds.js'
import {defaultProfile} from '../src/api/cluster-profile.js'
import {allTypes} from '../src/api/registry.js'
import {Api} from '../src/api/server.js'
import {createFromItems} from '../src/cli/verbs/create.js'
import {bootstrapCluster} from '../src/cluster/bootstrap.js'
import {Store} from '../src/store/sqlite-store.js'
import {describeSkipped, sharedMissing, sharedPath} from './helpers/shared-data.js'

const CORPUS = sharedPath('corpus', 'k8s-docs-examples')
const MISSING = sharedMissing(CORPUS)

/** Files a real cluster rejects, with the exact error text (paths relative to the corpus). */
const REJECTED = new Map<string, string>([
  ["controllers/job-success-policy-example.yaml", "The Job \"\" is invalid: \n* metadata.name: Required value: name or generateName is required\n* spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"\n* metadata.name: Invalid value: \"\": will not able to create pod with invalid DNS label: -9"],
  ["controllers/job-pod-failure-policy-ignore.yaml", "error: error parsing controllers/job-pod-failure-policy-ignore.yaml: error converting YAML to JSON: yaml: line 24: found a tab character that violates indentation"],
  ["pods/emptydir-volume-mode.yaml", "Error from server (BadRequest): error when creating \"pods/emptydir-volume-mode.yaml\": Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.volumes[0].emptyDir.mode\""],
  ["pods/inject/envars-file-container.yaml", "The Pod \"envfile-test-pod\" is invalid: spec.containers[0].env[0].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"],
  ["pods/inject/pod-multiple-secret-env-variable.yaml", "error: error parsing pods/inject/pod-multiple-secret-env-variable.yaml: error converting YAML to JSON: yaml: line 15: found a tab character that violates indentation"],
  ["pods/inject/pod-single-secret-env-variable.yaml", "error: error validating \"pods/inject/pod-single-secret-env-variable.yaml\": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false"],
  ["pods/pod-with-node-affinity.yaml", "Error from server (BadRequest): error when creating \"pods/pod-with-node-affinity.yaml\": Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector"],
  ["pods/pod-with-numeric-toleration.yaml", "The Pod \"nginx-numeric-toleration\" is invalid: spec.tolerations[0].operator: Unsupported value: \"Gt\": supported values: \"Equal\", \"Exists\""],
  ["pods/security/seccomp/fields.yaml", "The Pod \"pod\" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create"],
  ["pods/security/security-context-7.yaml", "Error from server (BadRequest): error when creating \"pods/security/security-context-7.yaml\": Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].securityContext.cgroupOptions\""],
  ["pods/storage/projected-podcertificate.yaml", "Error from server (BadRequest): error when creating \"pods/storage/projected-podcertificate.yaml\": Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.volumes[0].projected.sources[0].podCertificate.userAnnotations\""],
  ["service/networking/dual-stack-ipfamilies-ipv6.yaml", "The Service \"my-service\" is invalid: spec.ipFamilies[0]: Invalid value: null: ipfamily IPv6 is not configured on cluster"],
  ["service/networking/dual-stack-ipv6-lb-svc.yaml", "Error from server (BadRequest): error when creating \"service/networking/dual-stack-ipv6-lb-svc.yaml\": Service in version \"v1\" cannot be handled as a Service: strict decoding error: unknown field \"spec.ipFamily\""],
  ["service/networking/dual-stack-ipv6-svc.yaml", "Error from server (BadRequest): error when creating \"service/networking/dual-stack-ipv6-svc.yaml\": Service in version \"v1\" cannot be handled as a Service: strict decoding error: unknown field \"spec.ipFamily\""],
  ["service/networking/dual-stack-prefer-ipv6-lb-svc.yaml", "The Service \"my-service\" is invalid: spec.ipFamilies[0]: Invalid value: null: ipfamily IPv6 is not configured on cluster"],
  ["service/networking/dual-stack-preferred-ipfamilies-svc.yaml", "The Service \"my-service\" is invalid: spec.ipFamilies[0]: Invalid value: null: ipfamily IPv6 is not configured on cluster"]
])

interface Row {
  file: string
  kinds: string[]
  apiVersions: string[]
  needs: string[]
}

function rows(): Row[] {
  return fs
    .readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([file, kinds, apiVersions, , needs]) => ({file, kinds: kinds.split(','), apiVersions: apiVersions.split(','), needs: needs.split(',')}))
}

const TITLE = 'the Kubernetes documentation corpus through ksim create'
if (MISSING === undefined) describe(TITLE, function () {
  this.timeout(120_000)
  let dir: string
  let store: Store
  let api: Api
  let cwd: string
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-corpus-'))
    store = Store.open(path.join(dir, 'state.db'))
    bootstrapCluster(store, {...defaultProfile, name: 'corpus'}, new Date())
    api = new Api(store)
    cwd = process.cwd()
    process.chdir(CORPUS)
  })
  after(() => {
    process.chdir(cwd)
    store.close()
    fs.rmSync(dir, {recursive: true, force: true})
  })

  const served = () => new Set(allTypes().map((t) => `${t.group ? `${t.group}/` : ''}${t.version}|${t.kind}`))

  for (const row of rows()) {
    it(`handles ${row.file}`, () => {
      for (const need of row.needs) {
        const ns = need.startsWith('namespace:') ? need.slice('namespace:'.length) : undefined
        if (ns && !api.peek('Namespace', '', ns)) api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: ns}})
      }
      let out = ''
      let err = ''
      const target = {context: 'corpus', cluster: 'corpus', namespace: 'default', namespaceExplicit: false}
      const flags = {filename: [row.file], recursive: false, validate: 'strict', 'dry-run': 'none' as const, output: undefined, 'save-config': false, json: undefined}
      const errors = createFromItems(api, target, flags, {
        out: (s) => (out += s),
        err: (s) => (err += `${s}\n`),
      }, () => '')
      for (const e of errors) err += `${e}\n`
      const ok = errors.length === 0
      const known = row.kinds.map((k, i) => served().has(`${row.apiVersions[i]}|${k}`))
      const expected = REJECTED.get(row.file)
      if (expected !== undefined) {
        expect(err.trim()).to.equal(expected)
        expect(ok).to.equal(false)
      } else if (known.every(Boolean)) {
        expect(err, 'stderr').to.equal('')
        expect(ok).to.equal(true)
        expect(out.trim().split('\n')).to.have.length(row.kinds.length)
        for (const line of out.trim().split('\n')) expect(line).to.match(/^[a-z.]+\/[-a-z0-9.]+ created$/)
      } else {
        expect(ok).to.equal(false)
        const errors = err.trim().split(/\n(?=error: )/)
        expect(errors).to.have.length(known.filter((k) => !k).length)
        // a kind Kubernetes has built in is named as not served yet; any other gets kubectl's no-match error
        const unserved = row.kinds.filter((_, i) => !known[i]).map((k, i) => builtinKind(row.apiVersions.filter((_, j) => !known[j])[i]!, k))
        errors.forEach((e, i) => {
          const builtin = unserved[i]
          if (builtin) expect(e).to.match(new RegExp(`^error: ksim does not serve ${builtin.plural} \\(${builtin.apiVersion.replaceAll('.', '\\.')} ${builtin.kind}\\) yet; .*; from ".*": name: ".*"$`))
          else expect(e).to.match(/^error: resource mapping not found for name: ".*" namespace: ".*" from ".*": no matches for kind ".+" in version ".+"\nensure CRDs are installed first$/)
        })
        expect(out.trim() === '' ? 0 : out.trim().split('\n').length).to.equal(known.filter(Boolean).length)
      }
      // leave the next file a clean namespace: the docs reuse names
      for (const rt of allTypes()) {
        if (!rt.namespaced || rt.kind === 'Event' || rt.kind === 'Lease') continue
        for (const o of api.list(rt, undefined).items) {
          if (rt.kind === 'Service' && o.metadata.name === 'kubernetes' && o.metadata.namespace === 'default') continue
          // every namespace's own: the default ServiceAccount and the cluster CA
          if ((rt.kind === 'ServiceAccount' && o.metadata.name === 'default') || (rt.kind === 'ConfigMap' && o.metadata.name === 'kube-root-ca.crt')) continue
          api.delete(rt, o.metadata.namespace!, o.metadata.name!, {gracePeriodSeconds: 0, propagationPolicy: 'Orphan'})
        }
      }
    })
  }
})
else describeSkipped(TITLE, MISSING)
