/**
 * The one id maker of wuye-kit for ids made on this side (instance ids, command ids, idempotency
 * keys): a random UUID where the platform has `crypto.randomUUID` (every browser on https or
 * localhost, Node 19+), else `<time base 36>-<random base 36>`; `prefix` is put in front with `-`.
 */
export function randomId(prefix = ''): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const id = c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return prefix ? `${prefix}-${id}` : id;
}
