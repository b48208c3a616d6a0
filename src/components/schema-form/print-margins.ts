// Page numbers and the document number in the printed page's margins. `@page` rules only work in
// the document, not in a shadow root, so a sheet is adopted there while printing and removed
// afterwards, by a PrintController's hooks. Loaded when a UI schema has a `document` (a form
// without one never downloads it, nor listens for printing).
import type { ReactiveControllerHost } from 'lit';
import type { UiDocument } from '../../core/form/ui.js';
import { PrintController } from '../shared/print-controller.js';

/** The `@page` rule for a document: number and version bottom left, "page / pages" bottom right. */
export function pageMarginRule(doc: UiDocument): string {
  const esc = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ');
  const left = esc([doc.number, doc.version].filter(Boolean).join(' '));
  return `@page { margin: 18mm 15mm; @bottom-left { content: "${left}"; font-size: 9pt; } @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }`;
}

/** Adopts the margins of `doc` in the document while printing (`before`), removes them (`after`). */
export class PrintMargins {
  private sheet?: CSSStyleSheet;

  before(doc: UiDocument): void {
    this.sheet ??= new CSSStyleSheet();
    this.sheet.replaceSync(pageMarginRule(doc));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  after(): void {
    const sheet = this.sheet;
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}

/** Puts the margins of `doc()` (read when printing starts) on the printed pages while `host` is connected. */
export function attachPrintMargins(host: ReactiveControllerHost, doc: () => UiDocument | undefined): void {
  const margins = new PrintMargins();
  new PrintController(host, {
    before: () => {
      const d = doc();
      if (d) margins.before(d);
    },
    after: () => margins.after(),
  });
}
