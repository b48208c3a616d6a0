// A page showing <wy-complaint-stats> for screenshots and the browser bench. Query parameters:
// locale, groupBy, period, compare, from, rows (number of offices, synthetic data), print.
import '../../../src/components/complaint-stats/complaint-stats.js';
import type { WyComplaintStats } from '../../../src/components/complaint-stats/complaint-stats.js';
import offices from '../../../schemas/examples/offices.json';
import records from '../../../schemas/examples/complaint.valid.json';
import { makeOffices, makeRecords } from '../../support/stats-data.js';

const q = new URLSearchParams(location.search);
// For the browser bench: the data makers, and no element until the bench makes one.
(window as unknown as { statsBench: unknown }).statsBench = { makeOffices, makeRecords };
const el = document.createElement('wy-complaint-stats') as WyComplaintStats;
const n = Number(q.get('rows') ?? 0);
if (n) {
  const list = makeOffices(n);
  el.offices = list;
  el.complaints = makeRecords(n * 4, list.map((o) => o.id));
} else {
  el.offices = offices;
  el.complaints = records;
}
el.locale = q.get('locale') ?? 'zh-CN';
el.groupBy = (q.get('groupBy') ?? 'office') as WyComplaintStats['groupBy'];
el.period = (q.get('period') ?? 'month') as WyComplaintStats['period'];
el.compare = (q.get('compare') ?? 'none') as WyComplaintStats['compare'];
if (q.get('from')) el.from = q.get('from')!;
el.printView = q.has('print');
el.reportingUnit = '华南区域客服中心';
el.signatures = { preparedBy: '周敏' };
document.body.style.margin = '16px';
document.body.style.maxWidth = q.get('width') ?? '1180px';
if (!q.has('bench')) document.body.append(el);
(window as unknown as { statsEl: WyComplaintStats }).statsEl = el;
