// The text a user meets in a page, open shadow roots included, with the language each piece is
// shown in (the closest `locale` or `lang` attribute, across shadow boundaries, else <html lang>):
// text nodes and the aria-label, title, placeholder and alt attributes. Code (<code>, <pre>) and
// what the user typed (<textarea>, input values) are left out. Kept as a string so that it is
// evaluated in the page as written (no bundler helpers injected).
export const COLLECT_TEXT = `(() => {
  const out = [];
  const up = (e) => e.parentElement ?? (e.getRootNode().host ?? null);
  const langOf = (el) => {
    for (let e = el; e; e = up(e)) {
      const l = e.getAttribute('locale') ?? e.getAttribute('lang');
      if (l) return l;
    }
    return document.documentElement.lang;
  };
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'CODE', 'PRE', 'NOSCRIPT']);
  const walk = (n, root) => {
    if (n.nodeType === 3) {
      const t = n.textContent.trim();
      if (t) out.push({ text: t, lang: langOf(n.parentElement ?? n.getRootNode().host ?? null) });
      return;
    }
    if (n.nodeType === 1) {
      if (SKIP.has(n.tagName)) return;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = n.getAttribute(a);
        if (v) out.push({ text: v, lang: langOf(n) });
      }
      if (n.shadowRoot) walk(n.shadowRoot);
    } else if (n.nodeType !== 11) return;
    for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(document.querySelector(ROOT));
  return out;
})()`;

/** The expression for a root selector. */
export const collectText = (rootSelector) => COLLECT_TEXT.replace('ROOT', JSON.stringify(rootSelector));
