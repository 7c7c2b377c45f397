import type {Toleration} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {mergeTolerations} from '../../../src/api/admission/runtime-class.js'

const t = (key: string, more: Partial<Toleration> = {}): Toleration => ({key, operator: 'Equal', value: 'v', effect: 'NoSchedule', ...more})

describe('RuntimeClass admission: MergeTolerations', () => {
  it('keeps the pod\'s tolerations first, then the class\'s new ones', () => {
    expect(mergeTolerations([t('a')], [t('b'), t('a')])).to.deep.equal([t('a'), t('b')])
  })

  it('drops a toleration another one tolerates a superset of, wherever it stands', () => {
    const exists = {key: 'a', operator: 'Exists', effect: 'NoSchedule'} as Toleration
    expect(mergeTolerations([t('a')], [exists])).to.deep.equal([exists])
    expect(mergeTolerations([exists], [t('a')])).to.deep.equal([exists])
    // an empty key with Exists tolerates everything
    const all = {operator: 'Exists'} as Toleration
    expect(mergeTolerations([t('a'), t('b', {effect: 'NoExecute'})], [all])).to.deep.equal([all])
  })

  it('treats a NoExecute toleration with a shorter time as covered by a longer one, not the reverse', () => {
    const long = t('a', {effect: 'NoExecute', tolerationSeconds: 300})
    const short = t('a', {effect: 'NoExecute', tolerationSeconds: 60})
    expect(mergeTolerations([short], [long])).to.deep.equal([long])
    const forever = t('a', {effect: 'NoExecute'})
    expect(mergeTolerations([long], [forever])).to.deep.equal([forever])
  })

  it('keeps tolerations for other keys, values or effects side by side', () => {
    const list = [t('a'), t('a', {value: 'w'}), t('a', {effect: 'NoExecute'}), t('b')]
    expect(mergeTolerations(list.slice(0, 2), list.slice(2))).to.deep.equal(list)
  })
})
