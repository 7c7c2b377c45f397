// kubectl create deployment's object (create_deployment.go): labels app=<name>, one container per
// --image named after the image, the optional port on the first container, and `-- command args`.
import type {KObject} from '../../api/types.js'

/** What `create deployment` was given. */
export interface DeploymentInput {
  name: string
  namespace: string
  images: string[]
  replicas: number
  /** -1 = not given */
  port: number
  command: string[]
}

// the image's last path segment without tag or digest, `_` turned into `-`, made unique
function containerNames(images: string[]): string[] {
  const seen = new Map<string, number>()
  return images.map((image) => {
    let name = image.split('/').at(-1)!.split(':')[0].split('@')[0].replaceAll('_', '-')
    const n = seen.get(name) ?? 0
    seen.set(name, n + 1)
    if (n > 0) name = `${name}-${n}`
    return name
  })
}

/** The Deployment kubectl would send (client dry-run prints it with its empty fields; 1.35 omits a zero creationTimestamp). */
export function generateDeployment(input: DeploymentInput, forPrinting: boolean): KObject {
  const labels = {app: input.name}
  const names = containerNames(input.images)
  const containers = input.images.map((image, i) => {
    const c: Record<string, unknown> = {image, name: names[i]}
    if (i === 0 && input.port >= 0) c.ports = [{containerPort: input.port}]
    if (i === 0 && input.command.length > 0) c.command = input.command
    c.resources = {}
    return c
  })
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {labels, name: input.name, ...(forPrinting ? {} : {namespace: input.namespace})},
    spec: {
      replicas: input.replicas,
      selector: {matchLabels: {...labels}},
      strategy: {},
      template: {metadata: {labels: {...labels}}, spec: {containers}},
    },
    ...(forPrinting ? {status: {}} : {}),
  } as KObject
}
