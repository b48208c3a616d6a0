// Custom Elements Manifest: generated from the JSDoc headers of the elements (the 8 elements
// and the 13 field elements of the schema form), then tidied so that it is the public API only:
//   - events are the `wy-*` names of the element's `@fires` tags, each typed with the class
//     the `GlobalEventHandlersEventMap` declares for it (or the narrower `@fires {Type}`) (what the analyzer infers from
//     `dispatchEvent(...)` calls — nameless entries, a detail's field names — is dropped; native
//     `input`/`change` of the field elements are described on them, not listed); an event whose
//     description starts with "Deprecated" is marked `deprecated`;
//   - members are the public, non-static ones (private, protected and `_`-prefixed go).
// test/node/manifest.test.ts holds the result against HTMLElementTagNameMap and the event maps;
// .scripts/react-wrappers.mjs makes the React wrappers from it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `'wy-x': WyXEvent` entries of every `GlobalEventHandlersEventMap` augmentation under `dir`. */
export function eventMap(dir = 'src/components') {
  const map = new Map();
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const text = readFileSync(p, 'utf8');
        for (const block of text.matchAll(/interface GlobalEventHandlersEventMap\s*\{([^}]*)\}/g)) {
          for (const m of block[1].matchAll(/(\/\*\*[\s\S]*?\*\/\s*)?'(wy-[a-z-]+)':\s*([A-Za-z0-9_<>]+);/g)) {
            map.set(m[2], { type: m[3], deprecated: /@deprecated/.test(m[1] ?? '') });
          }
        }
      }
    }
  };
  walk(dir);
  return map;
}

function publicApi() {
  return {
    name: 'wuye-kit-public-api',
    packageLinkPhase({ customElementsManifest }) {
      const events = eventMap();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          if (decl.members) {
            decl.members = decl.members.filter((m) => typeof m.name === 'string' && !m.static && !m.privacy && !m.name.startsWith('_') && !m.name.startsWith('#'));
          }
          if (decl.events) {
            const seen = new Map();
            for (const e of decl.events) {
              if (typeof e.name !== 'string' || !e.name.startsWith('wy-') || !e.description) continue;
              const typed = events.get(e.name);
              // A `@fires {WyChangeEvent<FormChangeDetail>} wy-change` type narrows the map's class.
              const own = e.type?.text;
              const text = own && typed && own.replace(/<.*$/, '') === typed.type ? own : (typed?.type ?? 'Event');
              const out = { name: e.name, type: { text }, description: e.description };
              if (typed?.deprecated || /^Deprecated/.test(e.description)) out.deprecated = e.description;
              seen.set(e.name, out);
            }
            decl.events = [...seen.values()];
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts', 'src/components/schema-form/fields/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/generated/**', 'src/components/schema-form/fields/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [publicApi()],
};
