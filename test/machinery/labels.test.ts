import {expect} from 'chai'

import {fieldErrorText} from '../../src/machinery/field-errors.js'
import {labelSelectorFromObject, labelSelectorString, matchLabelSelector, parseLabelSelector, SelectorError} from '../../src/machinery/labels.js'
import {validateLabelSelector} from '../../src/api/validation/label-selector.js'

const parseError = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    expect(e).to.be.instanceOf(SelectorError)
    return (e as Error).message
  }
  throw new Error('did not fail')
}

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

describe('label selectors', () => {
  const printed: [string, string][] = [
    ['app=web', 'app=web'],
    ['app==web,tier!=db', 'app==web,tier!=db'],
    ['env in (prod, dev),!canary', '!canary,env in (dev,prod)'],
    ['x notin ()', 'x notin ()'],
    ['a in (,b,)', 'a in (,b)'],
    ['  a  ', 'a'],
    ['in in (in)', 'in in (in)'],
    ['a>5,b<2', 'a>5,b<2'],
    ['a=', 'a='],
    ['', ''],
  ]
  for (const [text, str] of printed) {
    it(`parses ${JSON.stringify(text)} and prints it as ${JSON.stringify(str)}`, () => {
      expect(labelSelectorString(parseLabelSelector(text))).to.equal(str)
    })
  }

  const errors: [string, string][] = [
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a!b', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['a,', "found '', expected: identifier after ','"],
    [',', "found ',', expected: !, identifier, or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a in x', "unable to parse requirement: found 'x' expected: '('"],
    ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a===b', "unable to parse requirement: found '=', expected: identifier"],
    ['-a=b', `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART}`],
    ['a=b/c', `unable to parse requirement: values[0][a]: Invalid value: "b/c": ${LABEL_VALUE}`],
    [
      'a>x_',
      `unable to parse requirement: [values[0]: Invalid value: "x_": for 'Gt', 'Lt' operators, the value must be an integer, values[0][a]: Invalid value: "x_": ${LABEL_VALUE}]`,
    ],
  ]
  for (const [text, msg] of errors) {
    it(`rejects ${JSON.stringify(text)} with the API server's message`, () => {
      expect(parseError(() => parseLabelSelector(text))).to.equal(msg)
    })
  }

  it('matches equality, set, existence and numeric requirements', () => {
    const sel = parseLabelSelector('app=web,tier notin (db),env')
    expect(matchLabelSelector(sel, {app: 'web', env: 'x'})).to.equal(true)
    expect(matchLabelSelector(sel, {app: 'web', env: 'x', tier: 'db'})).to.equal(false)
    expect(matchLabelSelector(sel, {app: 'web'})).to.equal(false)
    expect(matchLabelSelector(parseLabelSelector('!canary,a!=b'), {})).to.equal(true)
    expect(matchLabelSelector(parseLabelSelector('a in (x,y)'), {a: 'y'})).to.equal(true)
    expect(matchLabelSelector(parseLabelSelector('n>5'), {n: '10'})).to.equal(true)
    expect(matchLabelSelector(parseLabelSelector('n>5'), {n: 'ten'})).to.equal(false)
    expect(matchLabelSelector(parseLabelSelector(''), undefined)).to.equal(true)
  })

  it('turns a metav1.LabelSelector into the same requirements, nil matching nothing', () => {
    const sel = labelSelectorFromObject({matchLabels: {app: 'web'}, matchExpressions: [{key: 'tier', operator: 'In', values: ['b', 'a']}, {key: 'x', operator: 'DoesNotExist'}]})
    expect(labelSelectorString(sel)).to.equal('app=web,tier in (a,b),!x')
    expect(matchLabelSelector(sel, {app: 'web', tier: 'a'})).to.equal(true)
    expect(matchLabelSelector(labelSelectorFromObject(null), {})).to.equal(false)
    expect(matchLabelSelector(labelSelectorFromObject({}), {a: 'b'})).to.equal(true)
  })

  it('rejects invalid metav1 selectors as LabelSelectorAsSelector does', () => {
    expect(parseError(() => labelSelectorFromObject({matchExpressions: [{key: 'x', operator: 'In', values: []}]}))).to.equal(
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    )
    expect(parseError(() => labelSelectorFromObject({matchExpressions: [{key: 'x', operator: 'Exists', values: ['v']}]}))).to.equal(
      'values: Invalid value: ["v"]: values set must be empty for exists and does not exist',
    )
    expect(parseError(() => labelSelectorFromObject({matchExpressions: [{key: 'x', operator: 'Foo'}]}))).to.equal('"Foo" is not a valid label selector operator')
  })


  it('validates a selector inside an object with ValidateLabelSelector messages', () => {
    const errs = validateLabelSelector(
      {matchLabels: {'a b': 'c'}, matchExpressions: [{key: 'x', operator: 'In'}, {key: 'y', operator: 'Exists', values: ['v']}, {key: 'z', operator: 'Bad'}]},
      'spec.selector',
    ).map(fieldErrorText)
    expect(errs).to.deep.equal([
      `spec.selector.matchLabels: Invalid value: "a b": ${NAME_PART}`,
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Bad": not a valid selector operator',
    ])
  })
})
