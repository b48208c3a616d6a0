// Types for formats.mjs. It stays JavaScript on purpose: gen serialises each format function
// with Function.prototype.toString into the validator modules, and a TypeScript loader would
// rewrite the functions (helpers such as __name) into code that no longer stands alone.

/** The string formats generated validators may use, by name (ajv-formats "full" semantics). */
export declare const formats: Readonly<Record<string, (s: string) => boolean>>;
/** Module source exporting only the named formats. */
export declare function formatsModule(names: readonly string[]): string;
/** Ajv's runtime helpers, as self-contained module sources. */
export declare const ucs2lengthModule: string;
export declare const equalModule: string;
