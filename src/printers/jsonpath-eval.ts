// Evaluation of a parsed JSONPath template as client-go's jsonpath.go does it: FindResults with its
// range/end bookkeeping, each node kind's semantics and errors, and text/template's comparisons.
import {GoByte, GoFloat, goSprint, goStringLess, goTypeName, hasKey, INVALID, isGoInt, isGoMap, type GoValue} from '../machinery/go-format.js'
import {JsonPathSyntaxError, type JpList, type JpNode} from './jsonpath-parse.js'

const fail = (message: string): never => {
  throw new JsonPathSyntaxError(message)
}

/** A null map value or the range's nil: what template.Indirect reports as nil (skipped by most nodes). */
const isNil = (v: GoValue): boolean => v === null || v === undefined || v === INVALID

/** One run of FindResults over a template's top-level nodes (state is per execution). */
export class Evaluator {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode = -1

  constructor(
    private readonly nodes: JpNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  /** FindResults: one result list per action (and per action per range iteration). */
  findResults(data: GoValue, start = 0): GoValue[][] {
    const cur = [data]
    const full: GoValue[][] = []
    for (let i = start; i < this.nodes.length; i++) {
      const results = this.walk(cur, this.nodes[i])
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = i
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) {
          for (const v of results) full.push(...this.findResults(v === null ? INVALID : v, i + 1))
        } else {
          this.findResults(INVALID, i + 1)
        }
        this.inRange--
        for (let k = i + 1; k < this.nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: GoValue[], node: JpNode): GoValue[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.name)
      case 'array':
        return evalArray(input, node.params)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
        return input.map(() => node.value)
      case 'float':
        return input.map(() => new GoFloat(node.value))
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap(children)
      case 'recursive':
        return evalRecursive(input)
      case 'union':
        return node.lists.flatMap((l) => this.evalList(input, l))
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  private evalList(input: GoValue[], list: JpList): GoValue[] {
    let cur = input
    for (const n of list.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: GoValue[], name: string): GoValue[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) this.endRange++
      else fail('not in range, nothing to end')
      return []
    }
    return fail(`unrecognized identifier ${name}`)
  }

  private evalField(input: GoValue[], name: string): GoValue[] {
    if (input.length === 0) return []
    const results: GoValue[] = []
    for (const v of input) {
      if (isGoMap(v) && hasKey(v, name)) results.push(v[name])
    }
    if (results.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`)
    return results
  }

  private evalFilter(input: GoValue[], node: Extract<JpNode, {type: 'filter'}>): GoValue[] {
    const results: GoValue[] = []
    for (const value of input) {
      if (!Array.isArray(value)) fail(`${goSprint(value)} is not array or slice and cannot be filtered`)
      for (const item of value as GoValue[]) {
        let lefts: GoValue[] = []
        let leftErr: unknown
        try {
          lefts = this.evalList([item], node.left)
        } catch (e) {
          leftErr = e
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (leftErr !== undefined) throw leftErr
        if (lefts.length === 0) continue
        if (lefts.length > 1) fail('can only compare one element at a time')
        const rights = this.evalList([item], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) fail('can only compare one element at a time')
        if (compare(node.op, lefts[0], rights[0])) results.push(item)
      }
    }
    return results
  }
}

/** The elements `[*]`, `.*` and `..` step into: map values, array items, a string's bytes. */
function children(v: GoValue): GoValue[] {
  if (isNil(v)) return []
  if (Array.isArray(v)) return v
  if (typeof v === 'string') return [...new TextEncoder().encode(v)].map((b) => new GoByte(b))
  if (isGoMap(v)) return Object.keys(v).filter((k) => v[k] !== undefined).map((k) => v[k])
  return []
}

function evalRecursive(input: GoValue[]): GoValue[] {
  const result: GoValue[] = []
  for (const v of input) {
    const kids = children(v)
    if (kids.length > 0) {
      result.push(v)
      result.push(...evalRecursive(kids))
    }
  }
  return result
}

function evalArray(input: GoValue[], params: Extract<JpNode, {type: 'array'}>['params']): GoValue[] {
  const result: GoValue[] = []
  for (const value of input) {
    if (isNil(value)) continue
    if (!Array.isArray(value)) fail(`${goTypeName(value)} is not array or slice`)
    const len = (value as GoValue[]).length
    let p0 = params[0].known ? params[0].value : 0
    if (p0 < 0) p0 += len
    let p1 = params[1].known ? params[1].value : len
    if (p1 < 0 || (p1 === 0 && params[1].derived)) p1 += len
    if (p1 === p0) return result
    if (p0 >= len || p0 < 0) fail(`array index out of bounds: index ${p0}, length ${len}`)
    if (p1 > len || p1 < 0) fail(`array index out of bounds: index ${p1 - 1}, length ${len}`)
    if (p0 > p1) fail(`starting index ${p0} is greater than ending index ${p1}`)
    let step = 1
    if (params[2].known) {
      if (params[2].value <= 0) fail('step must be > 0')
      step = params[2].value
    }
    const slice = (value as GoValue[]).slice(p0, p1)
    for (let i = 0; i < slice.length; i += step) result.push(slice[i])
  }
  return result
}

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string'

/** text/template's basicKind: which comparisons a value takes part in. */
function basicKind(v: GoValue): Kind {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (v instanceof GoByte) return 'uint'
  if (v instanceof GoFloat) return 'float'
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float'
  return fail('invalid type for comparison')
}

const num = (v: GoValue): number => (v instanceof GoByte || v instanceof GoFloat ? v.value : (v as number))

function less(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) < num(b)
    return fail('incompatible types for comparison')
  }
  if (k1 === 'bool') return fail('invalid type for comparison')
  if (k1 === 'string') return goStringLess(a as string, b as string)
  return num(a) < num(b)
}

function equal(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) === num(b)
    return fail('incompatible types for comparison')
  }
  return k1 === 'string' || k1 === 'bool' ? a === b : num(a) === num(b)
}

/** The filter operators, as template.Less/Equal and friends compose them. */
function compare(op: string, a: GoValue, b: GoValue): boolean {
  switch (op) {
    case '<':
      return less(a, b)
    case '>':
      return !(less(a, b) || equal(a, b))
    case '==':
      return equal(a, b)
    case '!=':
      return !equal(a, b)
    case '<=':
      return less(a, b) || equal(a, b)
    case '>=':
      return !less(a, b)
    default:
      return fail(`unrecognized filter operator ${op}`)
  }
}
