// A network probe run from inside a pod's network namespace: the process runtime starts it as
// `nsenter <the pod's namespaces> -- node netprobe-main.js '<job JSON>'`; it prints the result as JSON.
import {netProbe, type NetProbeJob} from './netprobe.js'

const job = JSON.parse(process.argv[2] ?? '{}') as NetProbeJob
const result = await netProbe(job)
process.stdout.write(JSON.stringify(result))
