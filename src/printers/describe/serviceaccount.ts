// describe serviceaccount (kubectl 1.35's ServiceAccountDescriber): metadata, the image pull secrets under
// their fixed-width header, then events. kubectl 1.35 no longer prints `Mountable secrets:` nor `Tokens:`
// and no longer looks the secrets up (no `(not found)` marks).
import type {KObject} from '../../api/types.js'

import {printObjectMeta} from './common.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

const EMPTY_HEADER = ' '.repeat(19)
const PULL_HEADER = 'Image pull secrets:'

/** kubectl describe serviceaccount. */
export function describeServiceAccount(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  const pull = ((obj.imagePullSecrets as {name?: string}[] | undefined) ?? []).map((r) => r.name ?? '')
  if (pull.length === 0) w.write(LEVEL_0, `${PULL_HEADER}\t<none>\n`)
  pull.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? PULL_HEADER : EMPTY_HEADER}\t${name}\n`))
  return endWithEvents(w, ctx)
}
