// The shape of a kind's table: column definitions as printers.go declares them (priority 1 = wide
// only, format `name` = the column kubectl prefixes with `kind/`) and a function from object to cells.
import type {KObject} from '../../api/types.js'

/** metav1.TableColumnDefinition, reduced to what the printer uses. */
export interface ColumnDefinition {
  /** as declared (`Nominated Node`); the header is this upper-cased */
  name: string
  /** 0 always shown, 1 only with `-o wide` */
  priority: 0 | 1
  /** `name` marks the column `kubectl get all` prefixes with `pod/` */
  format?: 'name'
}

/** A kind's table handler: every column, and every cell of one object's row in the same order. */
export interface TableHandler {
  columns: ColumnDefinition[]
  cells(obj: KObject, now: Date): string[]
  /** cluster-scoped kinds never get the NAMESPACE column */
  clusterScoped?: boolean
}

/** Shorthand for a column always shown. */
export const col = (name: string, format?: 'name'): ColumnDefinition => ({name, priority: 0, format})

/** Shorthand for a column shown only with `-o wide`. */
export const wide = (name: string, format?: 'name'): ColumnDefinition => ({name, priority: 1, format})
