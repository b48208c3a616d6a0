// A page for screenshots and the browser bench: the complaint workflow panel on a MemoryStore.
// Query: ?lang=en&step=handling|overdue|…&as=specialist|handler|head|receptionist|owner&open=<event>&n=<extra history entries>
import '../../../src/components/workflow-panel/workflow-panel.js';
import '../../../src/components/kit-provider/kit-provider.js';
import { scenario, specialist, handler, head, receptionist, owner, type Step } from '../../support/workflow-panel-fixtures.js';

const q = new URLSearchParams(location.search);
const actors = { specialist, handler, head, receptionist, owner };
const env = await scenario((q.get('step') ?? 'handling') as Step);
// Extra history (transfers back and forth) to measure a long timeline.
const n = Number(q.get('n') ?? 0);
for (let i = 0; i < n; i++) {
  const who = i % 2 ? { id: 'E3001', name: '王强' } : { id: 'E3002', name: '赵磊' };
  await env.engine.send(env.id, { type: 'transfer', payload: { handler: who, reason: `第 ${i + 1} 次转派：专业对口` } }, head);
}
const t0 = performance.now();
const provider = document.createElement('wy-kit-provider');
provider.locale = q.get('lang') ?? 'zh-CN';
provider.engine = env.engine;
provider.actor = actors[(q.get('as') ?? 'specialist') as keyof typeof actors];
const panel = document.createElement('wy-workflow-panel');
panel.instanceId = env.id;
panel.now = env.now();
provider.append(panel);
document.body.style.margin = '16px';
document.body.style.maxWidth = '960px';
document.body.append(provider);
const w = window as unknown as Record<string, unknown>;
w['__panel'] = panel;
w['__env'] = env;
// Ready when the timeline is on screen.
while (!panel.shadowRoot?.querySelector('[part="timeline"]')) await new Promise((r) => setTimeout(r, 0));
w['__renderMs'] = performance.now() - t0;
const open = q.get('open');
if (open) {
  panel.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-event="${open}"]`)?.click();
  for (let i = 0; i < 50 && !panel.shadowRoot!.querySelector('wy-schema-form, [part="confirm"]'); i++) await new Promise((r) => setTimeout(r, 10));
}
w['__ready'] = true;
