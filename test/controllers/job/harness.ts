// Helpers for the Job controller tests: a Job manifest with fast simulated containers, and the
// controllers that run a Job's pods (scheduler, kubelets, job controller).
import type {KObject} from '../../../src/api/types.js'
import type {TestCluster} from '../helpers.js'

import {jobType} from '../../../src/api/kinds/job.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {JobController} from '../../../src/controllers/job/job.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'

export const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

/** A Job whose containers run `runSeconds` and exit with `exitCode`. */
export function job(name: string, spec: Record<string, unknown> = {}, opts: {runSeconds?: number; exitCode?: number; restartPolicy?: string} = {}): KObject {
  const annotations = {...FAST, 'ksim.io/run-seconds': String(opts.runSeconds ?? 5), ...(opts.exitCode ? {'ksim.io/exit-code': String(opts.exitCode)} : {})}
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, namespace: 'default'},
    spec: {...spec, template: {metadata: {annotations}, spec: {restartPolicy: opts.restartPolicy ?? 'Never', containers: [{name: 'main', image: 'busybox:1.36'}]}}},
  }
}

export interface Runner {
  jc: JobController
  /** settles every controller at the current time */
  settle(): void
  /** moves the clock by `seconds`, one second at a time, settling after each step */
  run(seconds: number): void
}

export function runner(tc: TestCluster): Runner {
  const jc = new JobController()
  const s = new Scheduler()
  const k = new Kubelet()
  const r: Runner = {
    jc,
    settle: () => void tc.settle(jc, s, k),
    run(seconds) {
      for (let i = 0; i < seconds; i++) {
        tc.clock.advance(1000)
        r.settle()
      }
    },
  }
  return r
}

export const jobOf = (tc: TestCluster, name: string): KObject => tc.api.get(jobType, 'default', name)
export const podsOf = (tc: TestCluster): KObject[] => tc.api.list(podType, 'default').items
export const phases = (tc: TestCluster): string[] => podsOf(tc).map((p) => (p.status as {phase?: string}).phase ?? '').sort()
