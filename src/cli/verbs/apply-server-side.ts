// `apply --server-side`: each object is sent whole as an apply patch (application/apply-patch+yaml) under
// the field manager "kubectl" (or --field-manager), with --force-conflicts as the patch's force; the API
// server merges it and tracks ownership (api/managed/apply.ts). A conflict gets kubectl's advice after it.
import {Flags} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'
import {isStatusError} from '../../api/errors.js'
import {CliError} from '../errors.js'

export const serverSideFlags = {
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.'}),
  'force-conflicts': Flags.boolean({description: 'If true, server-side apply will force the changes against conflicts.', default: false}),
  'server-side': Flags.boolean({description: 'If true, apply runs in the server instead of the client.', default: false}),
}

/** kubectl's fieldManagerConflictErr, printed after the server's conflict message. */
const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`

interface ServerSideFlags {
  'dry-run': string
  'field-manager'?: string
  'force-conflicts'?: boolean
  'server-side'?: boolean
}

/** kubectl apply's Validate for the server-side flags. */
export function validateServerSide(flags: ServerSideFlags): void {
  if (flags['force-conflicts'] && !flags['server-side']) throw new CliError('--force-conflicts only works with --server-side')
  if (flags['server-side'] && flags['dry-run'] === 'client') throw new CliError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
}

/** Applies one object on the server; returns it as stored (or as it would be, --dry-run=server). */
export function applyOnServer(api: Api, rt: ResourceType, obj: KObject, flags: ServerSideFlags): KObject {
  const opts = {fieldManager: flags['field-manager'] || 'kubectl', force: flags['force-conflicts'] ?? false, dryRun: flags['dry-run'] === 'server'}
  try {
    return api.patch(rt, obj.metadata.namespace ?? '', obj.metadata.name ?? '', 'apply', JSON.stringify(obj), opts)
  } catch (error) {
    if (isStatusError(error) && error.reason === 'Conflict' && error.details.causes?.some((c) => c.reason === 'FieldManagerConflict')) {
      throw new CliError(`${error.message}\n${CONFLICT_ADVICE}`)
    }
    throw error
  }
}
