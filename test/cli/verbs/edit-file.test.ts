import {expect} from 'chai'

import {editHeader, hasLines, manualStrip, stripComments, withCrlf} from '../../../src/cli/verbs/edit-file.js'
import {editorOf} from '../../../src/cli/verbs/editor.js'

describe('edit: the editor and the file', () => {
  it('takes KUBE_EDITOR, then EDITOR, else vi; splits plain words, hands quoted ones to $SHELL -c', () => {
    expect(editorOf({KUBE_EDITOR: 'nano', EDITOR: 'emacs'})).to.deep.equal({args: ['nano'], viaShell: false})
    expect(editorOf({KUBE_EDITOR: '', EDITOR: 'code --wait'})).to.deep.equal({args: ['code', '--wait'], viaShell: false})
    expect(editorOf({})).to.deep.equal({args: ['vi'], viaShell: false})
    expect(editorOf({EDITOR: `vim -c 'set ft=yaml'`})).to.deep.equal({args: ['/bin/bash', '-c', `vim -c 'set ft=yaml'`], viaShell: true})
    expect(editorOf({EDITOR: `vim -c 'set ft=yaml'`, SHELL: '/bin/zsh'}).args[0]).to.equal('/bin/zsh')
  })

  it('writes the reasons of a failed save under the header, continuing multi-line texts as comments', () => {
    const text = editHeader([
      {head: 'deployments.apps "web" was not valid', other: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']},
      {head: 'The edited file had a syntax error: first\nsecond', other: []},
    ])
    expect(text.split('\n').slice(4).join('\n')).to.equal(
      '# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n# The edited file had a syntax error: first\n# second\n#\n',
    )
  })

  it('strips comments (not #! lines), compares documents by content, and sees an all-comment file as empty', () => {
    expect(manualStrip('# a\nb: 1\n  # c\n#!x\n')).to.equal('b: 1\n#!x\n')
    expect(stripComments('# x\nb: 1\na: 2\n')).to.equal(stripComments('a: 2\nb: 1\n'))
    expect(stripComments('a: [\n# x\n')).to.equal('a: [\n')
    expect(hasLines('# only\n  \n#\n')).to.equal(false)
    expect(hasLines('# only\n a: 1\n')).to.equal(true)
    expect(withCrlf('a\nb\r\nc\n')).to.equal('a\r\nb\r\nc\r\n')
  })
})
