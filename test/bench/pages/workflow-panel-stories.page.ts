// Renders every story of stories/workflow-panel.stories.ts on one page (loaders, render and play
// as Storybook runs them), to check the stories and look at them without building Storybook.
// Query: ?only=<StoryName>
import { render, type TemplateResult } from 'lit';
import * as stories from '../../../stories/workflow-panel.stories.js';

type Ctx = { args: Record<string, unknown>; loaded: Record<string, unknown> };
type StoryLike = { args?: Record<string, unknown>; render?: (a: Record<string, unknown>, c: Ctx) => TemplateResult; play?: (c: { canvasElement: HTMLElement }) => Promise<void> | void };
const meta = stories.default as unknown as { args: Record<string, unknown>; loaders: ((c: { args: Record<string, unknown> }) => Promise<Record<string, unknown>>)[]; render: StoryLike['render'] };
const only = new URLSearchParams(location.search).get('only');
document.body.style.margin = '16px';
document.body.style.maxWidth = '960px';
for (const [name, s] of Object.entries(stories)) {
  if (name === 'default' || (only && name !== only)) continue;
  const story = s as StoryLike;
  const args = { ...meta.args, ...story.args };
  let loaded: Record<string, unknown> = {};
  for (const l of meta.loaders) loaded = { ...loaded, ...(await l({ args })) };
  const h = document.createElement('h1');
  h.textContent = name;
  h.style.cssText = 'font: 600 14px monospace; background: #eee; padding: 4px; margin-top: 24px';
  const canvas = document.createElement('div');
  document.body.append(h, canvas);
  render((story.render ?? meta.render)!(args, { args, loaded }), canvas);
  await story.play?.({ canvasElement: canvas });
}
(window as unknown as { __ready: boolean }).__ready = true;
