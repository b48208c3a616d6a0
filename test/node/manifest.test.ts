// The Custom Elements Manifest (dist/custom-elements.json, made by `npm run build`) is the public
// API that Storybook docs, editors and the React wrappers read: hold it against what TypeScript
// knows — HTMLElementTagNameMap (every `wy-*` tag and its class), GlobalEventHandlersEventMap
// (every `wy-*` event and its class), the `@property` fields of each class — and against the
// `part="…"` and `<slot>` of each element's templates.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
// @ts-expect-error: a plain .mjs script without types
import { reactWrappers } from '../../.scripts/react-wrappers.mjs';

interface Decl {
  kind: string;
  name: string;
  tagName?: string;
  description?: string;
  summary?: string;
  members?: { kind: string; name: string; type?: { text: string }; description?: string }[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string }; description?: string; deprecated?: string | boolean }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { path: string; declarations?: Decl[] }[] };
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ ...d, path: m.path })));
const byTag = new Map(elements.map((d) => [d.tagName!, d]));

let checker: ts.TypeChecker;
let tagMap: Map<string, { className: string; type: ts.Type }>;
let eventMap: Map<string, string>;

before(() => {
  const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(['src/define.ts', 'src/index.ts'], { ...config.options, noEmit: true });
  checker = program.getTypeChecker();
  const anchor = program.getSourceFile('src/define.ts')!;
  const global = (name: string) => checker.getDeclaredTypeOfSymbol(checker.resolveName(name, anchor, ts.SymbolFlags.Type, false)!);
  tagMap = new Map();
  for (const p of checker.getPropertiesOfType(global('HTMLElementTagNameMap'))) {
    if (!p.name.startsWith('wy-')) continue;
    const type = checker.getTypeOfSymbol(p);
    tagMap.set(p.name, { className: checker.typeToString(type), type });
  }
  eventMap = new Map();
  for (const p of checker.getPropertiesOfType(global('GlobalEventHandlersEventMap'))) {
    if (p.name.startsWith('wy-')) eventMap.set(p.name, checker.typeToString(checker.getTypeOfSymbol(p)).replace(/<.*>$/, ''));
  }
});

test('the manifest describes exactly the wy-* tags of HTMLElementTagNameMap (8 elements, 13 field elements), each with its class', () => {
  assert.equal(tagMap.size, 21);
  assert.deepEqual([...byTag.keys()].sort(), [...tagMap.keys()].sort());
  for (const [tag, { className }] of tagMap) {
    const d = byTag.get(tag)!;
    assert.equal(d.name, className, tag);
    assert.ok(`${d.description ?? ''}${d.summary ?? ''}`.length > 20, `${tag} is described`);
  }
});

test('events: wy-* names only, each typed with the class its event map declares, every mapped event fired by some element', () => {
  const fired = new Set<string>();
  for (const d of elements) {
    for (const e of d.events ?? []) {
      assert.match(e.name, /^wy-[a-z]+(-[a-z]+)*$/, `${d.tagName}: ${JSON.stringify(e)}`);
      assert.ok(eventMap.has(e.name), `${d.tagName} fires ${e.name}, which GlobalEventHandlersEventMap lacks`);
      // The class the map declares; a generic one (wy-change) may name its detail: WyChangeEvent<FormChangeDetail>.
      assert.equal(e.type?.text.replace(/<.*>$/, ''), eventMap.get(e.name), `${d.tagName} ${e.name}`);
      if (e.name === 'wy-change') assert.match(e.type!.text, /^WyChangeEvent<\w+Detail>$/, `${d.tagName} says what its wy-change carries`);
      assert.ok(e.description, `${d.tagName} ${e.name} is described`);
      fired.add(e.name);
    }
  }
  assert.deepEqual([...eventMap.keys()].filter((n) => !fired.has(n)), []);
  // The 0.1 names are listed as deprecated, never as the element's main events.
  for (const old of ['wy-complaint-saved', 'wy-complaint-save-failed', 'wy-item-close', 'wy-owner-decision']) {
    const e = elements.flatMap((d) => d.events ?? []).find((x) => x.name === old);
    assert.ok(e?.deprecated, `${old} is marked deprecated`);
  }
});

/** Names of the `@property()` fields a class declares (its own and inherited). */
function decoratedProperties(type: ts.Type): string[] {
  const out: string[] = [];
  for (const p of checker.getPropertiesOfType(type)) {
    for (const decl of p.declarations ?? []) {
      if (!ts.canHaveDecorators(decl)) continue;
      if ((ts.getDecorators(decl) ?? []).some((d) => /^property\(/.test(d.expression.getText()))) out.push(p.name);
    }
  }
  return out;
}

test('properties: every @property of each class is in the manifest, and every manifest member exists on the class', () => {
  for (const [tag, { type }] of tagMap) {
    const d = byTag.get(tag)!;
    const members = new Set((d.members ?? []).map((m) => m.name));
    const missing = decoratedProperties(type).filter((n) => !members.has(n));
    assert.deepEqual(missing, [], `${tag}: properties missing from the manifest`);
    const onClass = new Set(checker.getPropertiesOfType(type).map((p) => p.name));
    assert.deepEqual([...members].filter((n) => !onClass.has(n)), [], `${tag}: manifest members the class lacks`);
    for (const m of d.members ?? []) if (m.kind === 'field') assert.ok(m.type?.text, `${tag}.${m.name} has a type`);
  }
});

/** `part="x"` and `<slot name="x">` literals in an element's own source files. */
function templateNames(dir: string, file: RegExp): { parts: Set<string>; slots: Set<string> } {
  const parts = new Set<string>();
  const slots = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => file.test(x))) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/\bpart="([a-z-]+)"/g)) parts.add(m[1]!);
    for (const m of text.matchAll(/<slot(?:\s+name="([a-z-]+)")?[\s>]/g)) slots.add(m[1] ?? '');
  }
  return { parts, slots };
}

test('parts and slots: every part and slot in an element’s templates is documented (@csspart, @slot); CSS properties are wy-prefixed', () => {
  for (const d of elements) {
    const name = d.tagName!.slice(3);
    const dir = join('src/components', name);
    let found: { parts: Set<string>; slots: Set<string> };
    try {
      found = templateNames(dir, new RegExp(`^${name}\\.component\\.ts$`));
    } catch {
      continue; // a field element: parts come from the shared field base, checked below
    }
    const parts = new Set((d.cssParts ?? []).map((p) => p.name));
    const slots = new Set((d.slots ?? []).map((s) => s.name));
    assert.deepEqual([...found.parts].filter((p) => !parts.has(p)), [], `${d.tagName}: undocumented parts`);
    assert.deepEqual([...found.slots].filter((s) => !slots.has(s)), [], `${d.tagName}: undocumented slots`);
    for (const c of d.cssProperties ?? []) assert.match(c.name, /^--wy-/, `${d.tagName}: ${c.name}`);
  }
  const fields = elements.filter((d) => d.tagName!.endsWith('-field'));
  assert.equal(fields.length, 13);
  for (const d of fields) assert.ok((d.cssParts ?? []).some((p) => p.name === 'field-label' || p.name === 'label' || p.name === 'control' || p.name === 'base'), `${d.tagName} documents its parts`);
});

test('the React wrappers (src/react/elements.ts) are what .scripts/react-wrappers.mjs makes of the manifest: one per element, an onWy… prop per event (renamed ones @deprecated)', () => {
  const react = readFileSync('src/react/elements.ts', 'utf8');
  assert.equal(react, reactWrappers(manifest), 'src/react/elements.ts is stale: run npm run analyze');
  const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  for (const d of elements.filter((x) => !x.tagName!.endsWith('-field'))) {
    assert.match(react, new RegExp(`export const ${d.name} = createComponent\\(\\{\\n  react: React,\\n  tagName: '${d.tagName}'`), d.tagName);
    for (const e of d.events ?? []) {
      const prop = `on${pascal(e.name)}: '${e.name}' as EventName<${e.type!.text}>`;
      // A renamed event's old prop stays until 0.3, marked @deprecated with the prop to use instead.
      if (e.deprecated) assert.match(react, new RegExp(`/\\*\\* @deprecated Deprecated since 0\\.2 \\(removed in 0\\.3\\): [^\\n]* Use \`onWy[A-Za-z]+\`\\. \\*/\\n    ${prop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${d.tagName}: the deprecated ${e.name}`);
      else assert.ok(react.includes(prop), `${d.tagName}: ${prop}`);
    }
  }
});
