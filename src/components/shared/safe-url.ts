/**
 * URLs from data (attachments, photos) pass this allow-list before they become `href` or `src`:
 * http(s), blob and relative paths are kept; any other scheme (`javascript:`, `data:`, `vbscript:`,
 * …, in any case and with leading blanks) becomes `#`.
 */
export function safeUrl(url: unknown): string {
  if (typeof url !== 'string') return '#';
  // Browsers ignore leading whitespace and control characters before a scheme: so do we.
  const u = url.replace(/^[\u0000-\u0020]+/, '');
  if (/^(https?:|blob:)/i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u.replace(/[\t\n\r]/g, ''))) return '#';
  return u;
}
