// Apply's prune step: a field the manager applied last time and leaves out now is removed from the object,
// unless another manager (or the manager's new configuration) still owns it or something under it.
import {isMap} from '../patch/apply-patch.js'
import {itemElement, SEP, type FieldSet} from './field-set.js'
import {childShape, type Shape} from './shape.js'

type Obj = Record<string, unknown>

function ownedAtOrBelow(path: string, owned: FieldSet): boolean {
  if (owned.has(path)) return true
  const prefix = path + SEP
  for (const p of owned) if (p.startsWith(prefix)) return true
  return false
}

/** Removes the value at `elements` (a path's elements) from `node`; false when it is not there. */
function removeAt(node: unknown, shape: Shape, elements: string[]): void {
  const [e, ...rest] = elements
  if (e.startsWith('f:')) {
    if (!isMap(node)) return
    const field = e.slice(2)
    if (rest.length === 0) delete (node as Obj)[field]
    else removeAt((node as Obj)[field], childShape(shape, field).shape, rest)
    return
  }
  if (!Array.isArray(node) || shape.kind !== 'list') return
  const i = node.findIndex((item, idx) => itemElement(shape, item, idx) === e)
  if (i < 0) return
  if (rest.length === 0) node.splice(i, 1)
  else removeAt(node[i], shape.elem, rest)
}

/** Removes from `obj` (in place) each path of `dropped` that nobody in `owned` keeps, shallowest first. */
export function prune(obj: object, shape: Shape, dropped: FieldSet, owned: FieldSet): void {
  const paths = [...dropped].sort((a, b) => a.split(SEP).length - b.split(SEP).length)
  const gone: string[] = []
  for (const p of paths) {
    if (gone.some((g) => p.startsWith(g + SEP)) || ownedAtOrBelow(p, owned)) continue
    removeAt(obj, shape, p.split(SEP))
    gone.push(p)
  }
}
