import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { DEFAULT_LOCALE, matchLocale, type Locale } from '../../core/i18n/locale.js';
import { localeContext } from './context.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

/**
 * Resolves the locale of an element: its own `locale` property, then the closest `[lang]`
 * ancestor (crossing shadow roots), then a `<wy-kit-provider>` in context, then zh-CN.
 * The library sets up nothing global: the host page owns its i18n.
 */
export class LocalizeController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof localeContext, Host>;
  private langObserver?: MutationObserver;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
  }

  get locale(): Locale {
    return (
      matchLocale(this.host.locale) ??
      matchLocale(closestLang(this.host)) ??
      this.consumer.value ??
      DEFAULT_LOCALE
    );
  }

  hostConnected(): void {
    // Re-render when the document language flips (a portal's language switch sets <html lang>).
    this.langObserver = new MutationObserver(() => this.host.requestUpdate());
    this.langObserver.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.langObserver?.disconnect();
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
