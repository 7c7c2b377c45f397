// Helpers for the CronJob controller tests: a CronJob whose Jobs' containers run `runSeconds`, and the
// controllers that run them (cronjob, job, scheduler, kubelets, garbage collector).
import type {KObject} from '../../../src/api/types.js'
import type {Controller} from '../../../src/controllers/types.js'
import type {TestCluster} from '../helpers.js'

import {cronJobType} from '../../../src/api/kinds/cronjob.js'
import {jobType} from '../../../src/api/kinds/job.js'
import {CronJobController} from '../../../src/controllers/cronjob/cronjob.js'
import {GarbageCollector} from '../../../src/controllers/garbage-collector.js'
import {JobController} from '../../../src/controllers/job/job.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

/** A CronJob on `schedule` whose Jobs' one container runs `runSeconds` and exits with `exitCode`. */
export function cronJob(name: string, schedule: string, spec: Record<string, unknown> = {}, opts: {runSeconds?: number; exitCode?: number; podSpec?: Record<string, unknown>} = {}): KObject {
  const annotations = {...FAST, 'ksim.io/run-seconds': String(opts.runSeconds ?? 5), ...(opts.exitCode ? {'ksim.io/exit-code': String(opts.exitCode)} : {})}
  const podSpec = {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox:1.36'}], ...opts.podSpec}
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name, namespace: 'default'},
    spec: {schedule, ...spec, jobTemplate: {metadata: {labels: {app: name}}, spec: {backoffLimit: 0, template: {metadata: {annotations}, spec: podSpec}}}},
  }
}

export interface CronRunner {
  cc: CronJobController
  controllers: Controller[]
  settle(): void
  /**
   * moves the clock by `seconds`, one second at a time; each second the other controllers settle around
   * one cronjob pass (its events repeat on every pass, as they do on every sync in Kubernetes)
   */
  run(seconds: number): void
}

export function cronRunner(tc: TestCluster, extra: Controller[] = []): CronRunner {
  const cc = new CronJobController()
  const others = [new JobController(), new Scheduler(), new Kubelet(), new GarbageCollector(), ...extra]
  const controllers = [cc, ...others]
  const r: CronRunner = {
    cc,
    controllers,
    settle() {
      tc.settle(...others)
      tc.pass(cc)
      tc.settle(...others)
    },
    run(seconds) {
      for (let i = 0; i < seconds; i++) {
        tc.clock.advance(1000)
        r.settle()
      }
    },
  }
  return r
}

export const cronJobOf = (tc: TestCluster, name: string): KObject => tc.api.get(cronJobType, 'default', name)
export const jobNames = (tc: TestCluster): string[] => tc.api.list(jobType, 'default').items.map((j) => j.metadata.name ?? '').sort()
export const activeNames = (tc: TestCluster, name: string): string[] => ((cronJobOf(tc, name).status as {active?: {name: string}[]}).active ?? []).map((r) => r.name)
/** `<name>-<minutes since the epoch>` of a time. */
export const jobAt = (name: string, iso: string): string => `${name}-${Date.parse(iso) / 60_000}`
