import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, matchLocale, type Locale } from '../../core/i18n/locale.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

// One observer of <html lang> for every element on the page, not one each.
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;
function watch(host: Host): void {
  hosts.add(host);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const h of hosts) h.requestUpdate();
    });
    // The whole light tree: <html lang>, and a <wy-kit-provider locale> changing its own lang.
    observer.observe(host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

/**
 * Resolves the locale of an element: its own `locale` property, then the closest `[lang]`
 * ancestor (crossing shadow roots; a `<wy-kit-provider locale>` sets `lang` on itself, so it is
 * found here), then zh-CN. The library sets up nothing global: the host page owns its i18n, and
 * flipping `<html lang>` re-renders every element.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get locale(): Locale {
    return matchLocale(this.host.locale) ?? matchLocale(closestLang(this.host)) ?? DEFAULT_LOCALE;
  }

  hostConnected(): void {
    watch(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}

function closestLang(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
