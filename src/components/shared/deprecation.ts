const warned = new Set<string>();

/**
 * Says once per page that an old public name is used: `<wy-complaint-stats>.period` is now
 * `granularity`, … Old names keep working for one minor version (README, "Renamed in 0.2").
 */
export function warnRenamed(tag: string, oldName: string, newName: string): void {
  const key = `${tag}.${oldName}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`wuye-kit: <${tag}> \`${oldName}\` is deprecated and will be removed in 0.3; use \`${newName}\` (README, "Renamed in 0.2").`);
}

/**
 * Event names renamed in 0.2, by element: `addEventListener(old, …)` on the element says so once
 * (listeners on ancestors still receive the old event, without a note). The element's typed
 * `addEventListener` overloads are untouched: this wraps the instance's method.
 */
export function noteRenamedEvents(element: EventTarget, tag: string, renamed: Readonly<Record<string, string>>): void {
  const add = element.addEventListener;
  Object.defineProperty(element, 'addEventListener', {
    configurable: true,
    writable: true,
    value(this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
      const now = renamed[type];
      if (now) warnRenamed(tag, type, now);
      add.call(this, type, listener, options);
    },
  });
}
