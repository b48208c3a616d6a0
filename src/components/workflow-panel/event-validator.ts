// A precompiled validator for one event's fields, for <wy-schema-form>'s `precompiled` property.
// The form gets the event's field schema with its references inlined and no `$id`, so it would
// otherwise compile it with Ajv at run time, which a page whose CSP forbids eval refuses. The
// shipped workflow-events validator (Ajv standalone, no eval) already checks every event's fields
// as `{ <name>: payload }`: wrap it, and strip the `/<name>` prefix from the error paths.
import { loadValidator } from '../../generated/validators/lazy.js';
import type { GeneratedError, GeneratedValidator } from '../../generated/validator-types.js';
import { joinPointer } from '../../core/kernel/pointer.js';

const EVENTS_ID = 'https://wuye-kit.dev/schemas/workflow-events.schema.json';
const cache = new Map<string, Promise<GeneratedValidator<unknown>>>();

/** The validator of the event fields named `name` in workflow-events.schema.json (loaded on demand). */
export function eventFieldsValidator(name: string): Promise<GeneratedValidator<unknown>> {
  const hit = cache.get(name);
  if (hit) return hit;
  const load = loadValidator[EVENTS_ID];
  if (!load) return Promise.reject(new Error('The workflow-events validator is not shipped'));
  const made = load().then((whole) => {
    const prefix = joinPointer('', name);
    const strip = (p: string) => (p === prefix ? '' : p.startsWith(`${prefix}/`) ? p.slice(prefix.length) : p);
    const fn = ((data: unknown) => {
      // A computed key makes an own property even for "__proto__".
      const ok = whole({ [name]: data });
      fn.errors = ok ? null : (whole.errors ?? []).map((e: GeneratedError) => ({ ...e, instancePath: strip(e.instancePath) }));
      return ok;
    }) as GeneratedValidator<unknown>;
    return fn;
  });
  cache.set(name, made);
  made.catch(() => cache.delete(name));
  return made;
}
