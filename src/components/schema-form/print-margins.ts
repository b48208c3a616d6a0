// Page numbers and the document number in the printed page's margins. `@page` rules only work in
// the document, not in a shadow root, so a sheet is adopted there while printing and removed
// afterwards: the hooks of <wy-schema-form>'s PrintController.
import type { UiDocument } from '../../core/form/ui.js';

/** The `@page` rule for a document: number and version bottom left, "page / pages" bottom right. */
export function pageMarginRule(doc: UiDocument): string {
  const esc = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ');
  const left = esc([doc.number, doc.version].filter(Boolean).join(' '));
  return `@page { margin: 18mm 15mm; @bottom-left { content: "${left}"; font-size: 9pt; } @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }`;
}

/** `before`/`after` hooks that adopt the margins of `doc()` (when there is one) in the document while printing. */
export function printMargins(doc: () => UiDocument | undefined): { before(): void; after(): void } {
  let sheet: CSSStyleSheet | undefined;
  return {
    before() {
      const d = doc();
      if (!d) return;
      sheet ??= new CSSStyleSheet();
      sheet.replaceSync(pageMarginRule(d));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    },
    after() {
      if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
