// Deterministic defect data for stories, screenshots and benchmarks.
import type { Defect, DefectHouse, DefectStatus } from '../../src/core/defects/types.js';
import { vocab } from '../../src/generated/vocab.js';

export const HOUSE: DefectHouse = { project: '华苑花园', building: '3栋', unit: '2单元', floor: '12', room: '1202' };
export const NOW = '2026-11-20T10:00:00+08:00';
const DESCRIPTIONS = ['墙面空鼓', '地漏堵塞', '窗户密封胶条缺失', '插座不通电', '门扇划伤', '天花水渍', '踢脚线松动', '瓷砖破损', '水龙头松动', '可视对讲不工作'];
const CONTRACTORS = ['C-TJ01', 'C-MC02', 'C-SD03', 'C-ZS04', 'C-SB05'];
const STATUSES: DefectStatus[] = ['open', 'open', 'in-repair', 'awaiting-reinspection', 'rejected', 'closed', 'closed', 'disputed'];

/** `n` defects spread over locations, trades, statuses and contractors (a pseudo-random but fixed mix). */
export function makeDefects(n: number, house: DefectHouse = HOUSE): Defect[] {
  const out: Defect[] = [];
  for (let i = 0; i < n; i++) {
    const status = STATUSES[(i * 7) % STATUSES.length]!;
    const day = 1 + (i % 18);
    const d: Defect = {
      id: `HY-1202-${String(i + 1).padStart(4, '0')}`,
      house,
      location: vocab.houseLocation.codes[(i * 5) % 9]!,
      trade: vocab.trade.codes[(i * 3) % 7]!,
      description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]}${i % 4 === 0 ? '，约 30cm×20cm，需铲除重做' : ''}`,
      severity: vocab.defectSeverity.codes[i % 3]!,
      foundBy: { id: 'E3101', name: '陈工' },
      foundAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00+08:00`,
      status,
      ...(i % 6 === 5 ? {} : { contractorId: CONTRACTORS[i % CONTRACTORS.length]!, due: `2026-11-${String(Math.min(28, day + 7)).padStart(2, '0')}T18:00:00+08:00` }),
    };
    if (status === 'closed') {
      d.closedBy = { id: 'E3102', name: '李工' };
      d.closedAt = `2026-11-${String(Math.min(28, day + 3)).padStart(2, '0')}T10:00:00+08:00`;
    }
    if (status === 'rejected' || (status === 'closed' && i % 3 === 0)) {
      d.history = [
        { action: 'report-fixed', from: 'in-repair', to: 'awaiting-reinspection', at: d.foundAt, by: { id: d.contractorId ?? 'C-TJ01', name: '王师傅' }, role: 'contractor' },
        { action: 'reject', from: 'awaiting-reinspection', to: 'rejected', at: d.foundAt, by: { id: 'E3102', name: '李工' }, role: 'inspector', note: '仍有渗水' },
      ];
    }
    out.push(d);
  }
  return out;
}
