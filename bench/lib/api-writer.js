// The writer of bench/serve-watch.js, as another process writing to the cluster (as ksim's CLI does):
// `node api-writer.js CLUSTER POD` with KSIM_HOME set opens the cluster's store through the built Api; for
// each line N on stdin it sets the pod's label n=N and prints `wrote N NS`, NS being the monotonic clock
// (process.hrtime, CLOCK_MONOTONIC: the same clock in every process) right after the write committed.
import path from 'node:path'
import readline from 'node:readline'
import {pathToFileURL} from 'node:url'

import {ROOT} from './harness.js'

const load = (p) => import(pathToFileURL(path.join(ROOT, 'dist', 'src', p)).href)
const [cluster, pod] = process.argv.slice(2)
const {openStore} = await load('store/open-store.js')
const {checkedStateFile} = await load('config/private-dir.js')
const {Api} = await load('api/server.js')
const {apiSettingsOf, readProfile} = await load('api/cluster-profile.js')

const store = openStore(checkedStateFile(cluster), {mustExist: true})
const api = new Api(store, {settings: apiSettingsOf(readProfile(store))})
console.log('ready')
readline.createInterface({input: process.stdin}).on('line', (n) => {
  const obj = structuredClone(api.peek('Pod', 'default', pod))
  obj.metadata.labels = {...obj.metadata.labels, n}
  api.update(obj)
  console.log(`wrote ${n} ${process.hrtime.bigint()}`)
})
process.stdin.on('end', () => store.close())
