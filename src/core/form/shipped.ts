import { vocabById } from '../../generated/schemas/vocab/index.js';
import type { JsonSchema } from './types.js';

/** The shipped vocabulary schemas by `$id`: what shipped data schemas `$ref`. */
export const shippedRefs = vocabById as Readonly<Record<string, JsonSchema>>;
