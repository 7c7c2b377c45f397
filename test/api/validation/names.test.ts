import {expect} from 'chai'

import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNSSubdomain,
  regexError,
} from '../../../src/machinery/names.js'

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

describe('names', () => {
  it('accepts lower-case DNS subdomains and rejects upper case with the RFC 1123 message', () => {
    expect(isDNS1123Subdomain('web-1.example')).to.deep.equal([])
    expect(isDNS1123Subdomain('MyPod')).to.deep.equal([SUBDOMAIN_MSG])
  })

  it('reports a subdomain over 253 characters in characters, then the regex if it also fails', () => {
    expect(isDNS1123Subdomain('a'.repeat(254))).to.deep.equal(['must be no more than 253 characters'])
    expect(isDNS1123Subdomain('-'.repeat(254))).to.deep.equal(['must be no more than 253 characters', SUBDOMAIN_MSG])
  })

  it('formats label regex examples with the double space before "or"', () => {
    expect(isDNS1123Label('Bad_Name')).to.deep.equal([LABEL_MSG])
    expect(regexError('m', 're', 'a', 'b', 'c')).to.equal("m (e.g. 'a',  or 'b',  or 'c', regex used for validation is 're')")
    expect(regexError('m', 're')).to.equal("m (regex used for validation is 're')")
  })

  it('says "must not contain dots" for a valid subdomain used as a label', () => {
    expect(isDNS1123Label('a.b')).to.deep.equal(['must not contain dots'])
    expect(isDNS1123Label('a'.repeat(64))).to.deep.equal(['must be no more than 63 characters'])
  })

  it('checks label keys by prefix and name part, measuring in bytes', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).to.deep.equal([])
    expect(isQualifiedName('a b')).to.deep.equal([NAME_PART_MSG])
    expect(isQualifiedName('/x')).to.deep.equal(['prefix part must be non-empty'])
    expect(isQualifiedName('x/')).to.deep.equal(['name part must be non-empty', NAME_PART_MSG])
    expect(isQualifiedName('a'.repeat(64))).to.deep.equal(['name part must be no more than 63 bytes'])
    expect(isQualifiedName('Example.com/x')).to.deep.equal([`prefix part ${SUBDOMAIN_MSG}`])
  })

  it('rejects a key with more than one slash as a whole', () => {
    expect(isQualifiedName('a/b/c')).to.deep.equal([
      "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ])
  })

  it('allows empty label values and limits them to 63 bytes', () => {
    expect(isValidLabelValue('')).to.deep.equal([])
    expect(isValidLabelValue('x'.repeat(64))).to.deep.equal(['must be no more than 63 bytes'])
    expect(isValidLabelValue('-x')).to.deep.equal([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })

  it('lets a generateName prefix end with a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).to.deep.equal([])
    expect(nameIsDNSSubdomain('web-', false)).to.deep.equal([SUBDOMAIN_MSG])
    expect(nameIsDNSSubdomain('Web-', true)).to.deep.equal([SUBDOMAIN_MSG])
  })
})
