// The text a user meets in a page, open shadow roots included, with the language each piece is
// shown in (the closest wy- element's `locale` property or `lang` attribute, across shadow
// boundaries, else <html lang>):
// text nodes and the aria-label, title, placeholder and alt attributes. Code (<code>, <pre>) and
// what the user typed (<textarea>, input values) are left out, and so is what is hidden. Kept as a string so that it is
// evaluated in the page as written (no bundler helpers injected).
export const COLLECT_TEXT = `(() => {
  const out = [];
  const up = (e) => e.parentElement ?? (e.getRootNode().host ?? null);
  const langOf = (el) => {
    for (let e = el; e; e = up(e)) {
      // An element's locale property (the provider's is set as a property), else its lang.
      const prop = e.tagName.startsWith('WY-') && typeof e.locale === 'string' && e.locale ? e.locale : null;
      const l = prop ?? e.getAttribute('lang');
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
      // hidden (the attribute or visibility: hidden, as a virtualizer's measuring sizer is): not shown, not read
      if (SKIP.has(n.tagName) || n.hidden || getComputedStyle(n).visibility === 'hidden') return;
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
