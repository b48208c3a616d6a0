/// <reference types="vite/client" />
// The docs page of every element: Storybook's usual blocks, then the provenance of the shipped
// facts the element's stories show (provenance-blocks.ts), each default with its
// "默认值 — 请替换 · default — replace" badge.
import { createElement as h, Fragment, type ReactElement } from 'react';
import { Controls, Description, Primary, Stories, Subtitle, Title, useOf } from '@storybook/addon-docs/blocks';
import { ProvenanceSection, filesFor, type ShippedFile } from './provenance-blocks.js';

/** Every shipped JSON file under schemas/ (examples excepted), by its path under schemas/. */
const modules = import.meta.glob(['../schemas/**/*.json', '!../schemas/examples/**'], { eager: true, import: 'default' });
export const shippedFiles: readonly ShippedFile[] = Object.entries(modules)
  .map(([path, data]) => ({ name: path.replace(/^\.\.\/schemas\//, ''), data }))
  .sort((a, b) => a.name.localeCompare(b.name));
const byName = new Map(shippedFiles.map((f) => [f.name, f]));

/** The provenance of the facts this stories file shows (nothing for pages without shipped facts). */
export function ElementProvenance(): ReactElement | null {
  const resolved = useOf('meta');
  const meta = resolved.type === 'meta' ? resolved.preparedMeta : undefined;
  const files = filesFor({ title: meta?.title, component: meta?.component }).flatMap((n) => byName.get(n) ?? []);
  return h(ProvenanceSection, { files });
}

/** Storybook's default docs page with the provenance section at the end. */
export function DocsPageWithProvenance(): ReactElement {
  return h(Fragment, null, h(Title), h(Subtitle), h(Description), h(Primary), h(Controls), h(Stories), h(ElementProvenance));
}
