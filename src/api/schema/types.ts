// The shapes of ksim's field schema: what scripts/gen-schema.js writes to generated.json and what the
// overlay adds. A struct maps JSON field names to value shapes; scalars with their own JSON decoding
// in apimachinery (Quantity, Time, IntOrString, base64 bytes) have their own shape names.

/** A field's value shape. `number` is an integer (Go int32 unless the Go type says int64). */
export type TypeExpr =
  | 'string'
  | 'number'
  | 'boolean'
  | 'int-or-string'
  | 'quantity'
  | 'time'
  | 'micro-time'
  /** []byte: a base64 string */
  | 'bytes'
  /** any JSON value (metav1.FieldsV1) */
  | 'any'
  | {ref: string}
  | {array: TypeExpr}
  | {map: TypeExpr}

/** One field of a struct: its value shape and whether the declaration marks it optional. */
export interface FieldDef {
  type: TypeExpr
  optional: boolean
}

/** JSON field name → definition; the key of a struct is `<module>.<Name>`, e.g. `core/v1.PodSpec`. */
export type StructDef = Record<string, FieldDef>

/** The generated part: root kinds (`v1/Pod`, `apps/v1/Deployment`) → struct id, and the structs. */
export interface GeneratedSchema {
  source: string
  roots: Record<string, string>
  structs: Record<string, StructDef>
}

/** A field as the decoder sees it: its shape and the Go type named in type errors (pointers removed). */
export interface ResolvedField {
  type: TypeExpr
  go: string
}

/** A struct as the decoder sees it: its Go name (for `Go struct field <Name>.<path>`) and fields. */
export interface ResolvedStruct {
  name: string
  fields: Map<string, ResolvedField>
}
