import { toCsv } from '../../../core/export/csv.js';
import { contractorName, houseLabel, problemListTable } from '../../../core/defects/problem-list.js';
import { SHANGHAI_OFFSET_MINUTES, shanghaiDate } from '../../../core/kernel/time.js';
import { download } from '../../shared/download.js';
import type { ChecklistHost } from '../checklist-host.js';

/**
 * The problem list's export (生成问题清单): which contractor and whether closed defects are
 * included (chosen in the print view), the list as CSV text and as a file download. Up front,
 * because the element's `toCsv()` and `downloadCsv()` answer synchronously.
 */
export class ProblemListExport {
  /** `*` every contractor, `''` the unassigned, else a contractor id. */
  contractor = '*';
  includeClosed = false;

  constructor(private readonly host: ChecklistHost) {}

  private get only(): string | undefined {
    return this.contractor === '*' ? undefined : this.contractor;
  }

  /** The problem list as CSV text (UTF-8 with BOM, for Excel); dates in Asia/Shanghai. */
  toCsv(): string {
    const h = this.host;
    const only = this.only;
    const table = problemListTable(h.items, {
      contractors: h.contractors,
      now: h.nowMs,
      locale: h.locale,
      includeClosed: this.includeClosed,
      utcOffsetMinutes: SHANGHAI_OFFSET_MINUTES,
      ...(only !== undefined ? { contractorId: only } : {}),
    });
    return toCsv(table);
  }

  /** Offers `toCsv()` as a file download (named after the contractor or the house); returns the text. */
  download(): string {
    const h = this.host;
    const only = this.only;
    const csv = this.toCsv();
    const name = only ? contractorName(h.contractors, only, h.locale) : houseLabel(h.house);
    download(csv, `${h.t('print.file')}-${name || 'all'}-${shanghaiDate(h.nowMs)}.csv`.replace(/[\\/:*?"<>|\s]+/g, '_'), 'text/csv;charset=utf-8');
    return csv;
  }
}
