// A page with <wy-defect-checklist> for screenshots and the browser benchmark.
// Query: ?n=40&locale=en&mode=move-in&view=list&decision=refuse
import '../../../src/components/defect-checklist/defect-checklist.js';
import type { WyDefectChecklist } from '../../../src/components/defect-checklist/defect-checklist.js';
import config from '../../../schemas/common-problems.json';
import contractors from '../../../schemas/examples/contractors.json';
import type { CommonProblems } from '../../../src/core/defects/types.js';
import { HOUSE, NOW, makeDefects } from '../../support/defect-fixtures.js';

const q = new URLSearchParams(location.search);
const el = document.createElement('wy-defect-checklist') as WyDefectChecklist;
el.house = HOUSE;
el.now = NOW;
el.contractors = contractors;
el.commonProblems = config as CommonProblems;
el.mode = q.get('mode') === 'move-in' ? 'move-in' : 'internal';
el.actor = el.mode === 'move-in' ? { id: 'O-1202', name: '张伟', roles: ['owner'] } : { id: 'E3102', name: '李工', roles: ['inspector'] };
el.items = makeDefects(Number(q.get('n') ?? 40));
if (q.get('locale')) el.locale = q.get('locale')!;
if (q.get('view')) el.view = q.get('view') as WyDefectChecklist['view'];
if (q.get('decision')) el.ownerDecision = { decision: q.get('decision') as 'accept' | 'refuse', reason: '卫生间渗水未修复', signatureName: '张伟', at: NOW };
el.uploader = async (file) => ({ id: `ph-${file.name}`, url: `/uploads/${encodeURIComponent(file.name)}` });
el.addEventListener('wy-change', (e) => (el.items = (e.detail as { items: WyDefectChecklist['items'] }).items));
document.body.style.margin = '16px';
document.body.append(el);
(window as unknown as { checklist: WyDefectChecklist }).checklist = el;
