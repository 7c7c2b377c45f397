// kubectl create cronjob's object (create_cronjob.go createCronJob): the schedule, a job template named
// after the CronJob with one container running --image and the `-- command args`, restartPolicy
// --restart (OnFailure when not given). And create job --from=cronjob/NAME's Job
// (create_job.go createJobFromCronJob): the template's spec, labels and annotations, the annotation
// cronjob.kubernetes.io/instantiate=manual, and the CronJob as its controller.
import type {CronJob} from 'kubernetes-types/batch/v1.js'
import type {KObject} from '../../api/types.js'

/** What `create cronjob` was given. */
export interface CronJobInput {
  name: string
  namespace: string
  image: string
  schedule: string
  restart: string
  command: string[]
}

/** The CronJob kubectl would send (client dry-run prints it with the typed object's empty fields). */
export function generateCronJob(input: CronJobInput, forPrinting: boolean): KObject {
  const container: Record<string, unknown> = {image: input.image, name: input.name}
  if (input.command.length > 0) container.command = input.command
  container.resources = {}
  const podSpec: Record<string, unknown> = {containers: [container]}
  if (input.restart) podSpec.restartPolicy = input.restart
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name: input.name, ...(forPrinting ? {} : {namespace: input.namespace})},
    spec: {
      schedule: input.schedule,
      jobTemplate: {metadata: {name: input.name}, spec: {template: {metadata: {}, spec: podSpec}}},
    },
    ...(forPrinting ? {status: {}} : {}),
  } as KObject
}

/** The Job `create job NAME --from=cronjob/CJ` sends. */
export function jobFromCronJob(name: string, namespace: string, cronJob: KObject, forPrinting: boolean): KObject {
  const template = (cronJob as CronJob & KObject).spec?.jobTemplate ?? {}
  const annotations = {'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {})}
  const labels = template.metadata?.labels
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      ...(forPrinting ? {} : {namespace}),
      annotations,
      ...(labels && Object.keys(labels).length > 0 ? {labels} : {}),
      ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name ?? '', uid: cronJob.metadata.uid ?? '', controller: true}],
    },
    spec: structuredClone(template.spec ?? {}),
    ...(forPrinting ? {status: {}} : {}),
  } as KObject
}
