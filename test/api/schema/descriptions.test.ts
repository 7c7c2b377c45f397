// The field descriptions explain and the OpenAPI documents show: generated from the kubernetes-types doc
// comments (paragraphs kept as the OpenAPI text has them), required fields from the declarations, and the
// overlay's 1.35 texts for fields kubernetes-types 1.30 does not have.
import {expect} from 'chai'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import {structDoc} from '../../../src/api/schema/descriptions.js'
import {ROOT} from '../../helpers/cli.js'

type Parse = (text: string) => Record<string, unknown>

describe('field descriptions', () => {
  it('reads one-line and multi-line doc comments, and which fields are required', async () => {
    const {parseDocComments} = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'gen-descriptions.js')).href)) as {parseDocComments: Parse}
    const text = [
      '/**',
      ' * Represents a disk.',
      ' *',
      ' * It must exist.',
      ' */',
      'export interface Disk {',
      '    /** fsType is the filesystem. */',
      '    fsType?: string;',
      '    /**',
      '     * type is one of:',
      '     *   Fast - quick.',
      '     */',
      '    type: string;',
      '    size?: number;',
      '}',
      '/** Quantity is a number. */',
      'export type Quantity = string;',
    ].join('\n')
    expect(parseDocComments(text)).to.deep.equal({
      Disk: {description: 'Represents a disk.\n\nIt must exist.', fields: {fsType: 'fsType is the filesystem.', type: 'type is one of:\n  Fast - quick.'}, required: ['type']},
      Quantity: {description: 'Quantity is a number.', fields: {}, required: []},
    })
  })

  it('gives each struct its description, its fields and required ones, with the overlay fields added', () => {
    const container = structDoc('core/v1.Container')!
    expect(container.description).to.equal('A single application container that you want to run within a pod.')
    expect(container.required).to.deep.equal(['name'])
    expect(container.fields.image).to.match(/^Container image name\./)
    expect(container.fields.restartPolicyRules).to.match(/^Represents a list of rules to be checked/)
    expect(structDoc('core/v1.ContainerRestartRule')).to.deep.include({description: 'ContainerRestartRule describes how a container exit is handled.', required: ['action']})
    expect(structDoc('util/intstr.IntOrString')!.description).to.match(/^IntOrString is a type that can hold an int32 or a string\./)
    expect(structDoc('meta/v1.Time')!.description).to.match(/^Time is a wrapper around time\.Time/)
    expect(structDoc('core/v1.NoSuchThing')).to.equal(undefined)
  })
})
