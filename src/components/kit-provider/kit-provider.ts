import { WyKitProvider } from './kit-provider.component.js';

export * from './kit-provider.component.js';

if (!customElements.get('wy-kit-provider')) customElements.define('wy-kit-provider', WyKitProvider);

declare global {
  interface HTMLElementTagNameMap {
    'wy-kit-provider': WyKitProvider;
  }
}
