// `scale`: resolve the objects (names, --all, -l), check --current-replicas, set spec.replicas and
// print kubectl's `deployment.apps/web scaled` line per object.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {StatusError} from '../../api/errors.js'
import {CliError, errorText} from '../errors.js'
import {MISSING_RESOURCE, resourcesFromArgs, type ResourceInfo} from '../resource/builder.js'
import {printerFor} from '../print/print-flags.js'

/** What `scale` was asked to do. */
export interface ScaleRun {
  args: string[]
  all: boolean
  selector?: string
  replicas: number
  /** -1 = no precondition */
  currentReplicas: number
  dryRun: 'none' | 'client' | 'server'
  output?: string
  out(text: string): void
  err(line: string): void
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet'])

function targets(api: Api, target: Target, run: ScaleRun): ResourceInfo[] {
  return resourcesFromArgs(api, {
    namespace: target.namespace,
    args: run.args,
    all: run.all,
    selector: run.selector,
    requireNames: true,
    namesWithSelector: 'ignore',
    missing: new CliError(MISSING_RESOURCE, true),
  }).infos
}

/** Scales every object named; returns the errors of those that failed. */
export function runScale(api: Api, target: Target, run: ScaleRun): string[] {
  const errors: string[] = []
  const list = targets(api, target, run)
  if (list.length === 0) throw new CliError('no objects passed to scale')
  for (const {rt, name} of list) {
    try {
      if (!SCALABLE.has(rt.kind)) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource')
      const current = api.get(rt, target.namespace, name)
      const spec = (current.spec ?? {}) as {replicas?: number}
      if (run.currentReplicas >= 0 && (spec.replicas ?? 1) !== run.currentReplicas) {
        throw new CliError(`Expected replicas to be ${run.currentReplicas}, was ${spec.replicas ?? 1}`)
      }
      let result: KObject = {...current, spec: {...spec, replicas: run.replicas}}
      if (run.dryRun !== 'client') {
        result = api.modify(rt, target.namespace, name, (o) => {
          ;(o.spec as {replicas?: number}).replicas = run.replicas
        }, {dryRun: run.dryRun === 'server'})
      }
      // one printer per object: scale prints no `---` between YAML documents
      run.out(printerFor(run.output, {operation: 'scaled', dryRun: run.dryRun}).print(result))
    } catch (error) {
      errors.push(errorText(error))
    }
  }
  return errors
}
