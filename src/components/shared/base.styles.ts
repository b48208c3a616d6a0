import { css } from 'lit';

/**
 * Styles every wuye-kit element starts from. Global design tokens (all optional, with fallbacks):
 *   --wy-font-family, --wy-font-size, --wy-color-text, --wy-color-muted, --wy-color-border,
 *   --wy-color-surface, --wy-color-surface-alt, --wy-color-primary, --wy-color-on-primary,
 *   --wy-color-danger, --wy-color-danger-surface, --wy-color-warning, --wy-color-warning-surface,
 *   --wy-color-success, --wy-color-focus, --wy-radius, --wy-space-xs|s|m|l|xl.
 * They are resolved once, here, into private `--_wy-*` variables with the kit's one set of
 * defaults; element styles read only the private variables (never `var(--wy-…, fallback)` with a
 * fallback of their own), so one default primary, one border colour and one spacing scale hold
 * across every element. An element's own public properties (`--wy-<element>-…`) fall back to
 * these private variables.
 */
export const baseStyles = css`
  :host {
    --_wy-primary: var(--wy-color-primary, #1f6feb);
    --_wy-on-primary: var(--wy-color-on-primary, #fff);
    --_wy-text: var(--wy-color-text, #1f2328);
    --_wy-muted: var(--wy-color-muted, #59636e);
    --_wy-border: var(--wy-color-border, #d0d7de);
    --_wy-surface: var(--wy-color-surface, #fff);
    --_wy-surface-alt: var(--wy-color-surface-alt, #f6f8fa);
    --_wy-danger: var(--wy-color-danger, #b42318);
    --_wy-danger-surface: var(--wy-color-danger-surface, #fef3f2);
    --_wy-warning: var(--wy-color-warning, #9a6700);
    --_wy-warning-surface: var(--wy-color-warning-surface, #fff8c5);
    --_wy-success: var(--wy-color-success, #1a7f37);
    --_wy-success-surface: var(--wy-color-success-surface, #dafbe1);
    --_wy-focus: var(--wy-color-focus, #2f6feb);
    --_wy-radius: var(--wy-radius, 4px);
    --_wy-space-xs: var(--wy-space-xs, 0.25rem);
    --_wy-space-s: var(--wy-space-s, 0.5rem);
    --_wy-space-m: var(--wy-space-m, 0.75rem);
    --_wy-space-l: var(--wy-space-l, 1rem);
    --_wy-space-xl: var(--wy-space-xl, 1.5rem);
    box-sizing: border-box;
    font-family: var(--wy-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--wy-font-size, 0.875rem);
    line-height: 1.5;
    color: var(--_wy-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_wy-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media print {
    :host {
      color: #000;
    }
  }
`;
