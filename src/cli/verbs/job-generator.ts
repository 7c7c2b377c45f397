// kubectl create job's object (create_job.go createJob): one container named after the Job running
// --image with the `-- command args`, restartPolicy Never.
import type {KObject} from '../../api/types.js'

/** What `create job` was given. */
export interface JobInput {
  name: string
  namespace: string
  image: string
  command: string[]
}

/** The Job kubectl would send (client dry-run prints it with the typed object's empty fields). */
export function generateJob(input: JobInput, forPrinting: boolean): KObject {
  const container: Record<string, unknown> = {image: input.image, name: input.name}
  if (input.command.length > 0) container.command = input.command
  container.resources = {}
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name: input.name, ...(forPrinting ? {} : {namespace: input.namespace})},
    spec: {template: {metadata: {}, spec: {containers: [container], restartPolicy: 'Never'}}},
    ...(forPrinting ? {status: {}} : {}),
  } as KObject
}
