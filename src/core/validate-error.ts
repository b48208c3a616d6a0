/** Thrown for a schema id that has no shipped (or registered) validator: a programming error, not bad data. */
export class UnknownSchemaError extends Error {
  override readonly name = 'UnknownSchemaError';
  constructor(
    readonly schemaId: string,
    known: readonly string[] = [],
  ) {
    super(`No precompiled validator for schema "${schemaId}". Known: ${known.join(', ')}.`);
  }
}
