/** An invalid example: the data and the errors it must produce (path + keyword). */
export interface InvalidCase {
  readonly name: string;
  readonly expect: readonly { readonly path: string; readonly keyword: string }[];
  readonly data: unknown;
}
