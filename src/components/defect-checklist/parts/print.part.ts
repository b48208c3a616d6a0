import type { TemplateResult } from 'lit';
import { printView } from '../../../core/defects/views.js';
import type { ChecklistHost } from '../checklist-host.js';
import type { ProblemListExport } from '../controllers/export.js';
import { renderPrintView, styles as printViewStyles } from '../views/print.view.js';
import type { ViewContext } from '../views/view-context.js';

/**
 * The printable problem list (生成问题清单), one sheet per contractor: the choice of contractor
 * and of closed defects is the export's (so `toCsv()` gives what is on screen); printing shows
 * this view and opens the browser's print dialog once it has rendered.
 */
export class PrintPart {
  constructor(
    private readonly host: ChecklistHost,
    private readonly exporter: ProblemListExport,
    /** Shows the print view and resolves once it has rendered. */
    private readonly showPrint: () => Promise<unknown>,
  ) {}

  render(c: ViewContext): TemplateResult {
    const h = this.host;
    const x = this.exporter;
    const only = x.contractor === '*' ? undefined : x.contractor;
    return renderPrintView(c, {
      model: printView(h.items, { contractors: h.contractors, now: h.nowMs, includeClosed: x.includeClosed, contractorId: only }),
      contractor: x.contractor,
      includeClosed: x.includeClosed,
      onContractor: (v) => {
        x.contractor = v;
        h.requestUpdate();
      },
      onIncludeClosed: (on) => {
        x.includeClosed = on;
        h.requestUpdate();
      },
      onPrint: () => void this.showPrint().then(() => window.print()),
      onCsv: () => x.download(),
    });
  }
}

/** Adopted by the element when the problem list is shown. */
export const styles = printViewStyles;
