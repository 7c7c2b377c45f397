// describe serviceaccount (kubectl's ServiceAccountDescriber): metadata, then the image pull, mountable
// and token secrets under their fixed-width headers, `(not found)` after a referenced secret that does
// not exist, then events.
import type {KObject} from '../../api/types.js'

import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {describeEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

const EMPTY_HEADER = ' '.repeat(19)
const TOKEN_TYPE = 'kubernetes.io/service-account-token'

/** kubectl describe serviceaccount; `ctx.secrets` are the namespace's secrets. */
export function describeServiceAccount(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const secrets = ctx.secrets ?? []
  const existing = new Set(secrets.map((s) => s.metadata.name))
  // token secrets name the account and its uid in annotations
  const tokens = secrets.filter((s) => {
    const a = s.metadata.annotations ?? {}
    return s.type === TOKEN_TYPE && a['kubernetes.io/service-account.name'] === obj.metadata.name && a['kubernetes.io/service-account.uid'] === obj.metadata.uid
  })
  const names = (list: unknown): string[] => ((list as {name?: string}[] | undefined) ?? []).map((r) => r.name ?? '')
  const missing = new Set([...names(obj.secrets), ...names(obj.imagePullSecrets)].filter((n) => !existing.has(n)))
  // kubectl sorts the three headers, which puts them in this order
  const sections: [string, string[]][] = [
    ['Image pull secrets:', names(obj.imagePullSecrets)],
    ['Mountable secrets: ', names(obj.secrets)],
    ['Tokens:            ', tokens.map((s) => s.metadata.name ?? '')],
  ]
  for (const [header, list] of sections) {
    if (list.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`)
      continue
    }
    list.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`))
  }
  if (ctx.showEvents !== false) describeEvents(ctx.events, w, ctx.now)
  return w.toString()
}
