import {expect} from 'chai'

import {fieldErrorText} from '../../src/api/errors.js'
import {
  convertFieldSelector,
  fieldLabelErrorMessage,
  fieldSelectorString,
  fieldSelectorSupported,
  groupVersionResourceString,
  labelSelectorFromObject,
  labelSelectorString,
  listErrorMessage,
  matchFieldSelector,
  matchLabelSelector,
  parseFieldSelector,
  parseLabelSelector,
  selectableFields,
  SelectorError,
  validateLabelSelector,
} from '../../src/api/selectors.js'

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

describe('field selectors', () => {
  const pod = {
    kind: 'Pod',
    metadata: {name: 'web-1', namespace: 'default'},
    spec: {nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default'},
    status: {phase: 'Running', podIP: '10.0.0.5', podIPs: [{ip: '10.0.0.5'}]},
  }

  it('parses =, == and != terms, sorted, with escapes', () => {
    const sel = parseFieldSelector('status.phase!=Running,metadata.name==a\\,b')
    expect(sel.requirements).to.deep.equal([
      {field: 'metadata.name', operator: '==', value: 'a,b'},
      {field: 'status.phase', operator: '!=', value: 'Running'},
    ])
    expect(fieldSelectorString(sel)).to.equal('metadata.name=a\\,b,status.phase!=Running')
  })

  it('rejects terms it cannot understand with fields.ParseSelector text', () => {
    expect(parseError(() => parseFieldSelector('foo'))).to.equal("invalid selector: 'foo'; can't understand 'foo'")
    expect(parseError(() => parseFieldSelector('a=b=c'))).to.equal('invalid field selector: unescaped character in value: 61')
    expect(parseError(() => parseFieldSelector('a=\\q'))).to.equal('invalid field selector: invalid escape sequence: \\q')
    expect(parseError(() => parseFieldSelector('a=b\\'))).to.equal('invalid field selector: invalid escape sequence: \\')
  })

  it('supports each kind’s own field labels', () => {
    expect(fieldSelectorSupported('Pod', 'spec.nodeName')).to.equal(true)
    expect(fieldSelectorSupported('Pod', 'status.podIP')).to.equal(true)
    expect(fieldSelectorSupported('Pod', 'spec.containers')).to.equal(false)
    expect(fieldSelectorSupported('Event', 'involvedObject.name')).to.equal(true)
    expect(fieldSelectorSupported('Secret', 'type')).to.equal(true)
    expect(fieldSelectorSupported('Node', 'metadata.namespace')).to.equal(false)
    expect(fieldSelectorSupported('ConfigMap', 'metadata.namespace')).to.equal(true)
    expect(fieldSelectorSupported('ConfigMap', 'data')).to.equal(false)
  })

  it('rejects unsupported fields with the API server message, the first in sorted order', () => {
    expect(parseError(() => convertFieldSelector('Pod', parseFieldSelector('zz=1,foo=bar')))).to.equal('field label not supported: foo')
    expect(fieldLabelErrorMessage('ConfigMap', 'foo')).to.equal('"foo" is not a known field selector: only "metadata.name", "metadata.namespace"')
  })

  it('matches pods on their selectable fields, spec.host meaning spec.nodeName', () => {
    const match = (text: string): boolean => matchFieldSelector(convertFieldSelector('Pod', parseFieldSelector(text)), pod)
    expect(match('status.phase=Running,spec.nodeName=node-1')).to.equal(true)
    expect(match('spec.host=node-1')).to.equal(true)
    expect(match('status.phase!=Running')).to.equal(false)
    expect(match('spec.hostNetwork=false')).to.equal(true)
    expect(match('status.nominatedNodeName=')).to.equal(true)
    expect(selectableFields(pod)['status.podIP']).to.equal('10.0.0.5')
  })

  it('words a rejected list as kubectl does', () => {
    const gvr = groupVersionResourceString('', 'v1', 'pods')
    expect(listErrorMessage(gvr, '', 'foo=bar', 'field label not supported: foo')).to.equal(
      'Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo',
    )
    expect(listErrorMessage(groupVersionResourceString('apps', 'v1', 'deployments'), '', '', 'boom')).to.equal('Unable to list "apps/v1, Resource=deployments": boom')
  })
})
