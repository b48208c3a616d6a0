import { css } from 'lit';

/**
 * Styles every wuye-kit element starts from. Global design tokens (all optional, with fallbacks):
 *   --wy-font-family, --wy-font-size, --wy-color-text, --wy-color-muted, --wy-color-border,
 *   --wy-color-surface, --wy-color-surface-alt, --wy-color-primary, --wy-color-on-primary,
 *   --wy-color-danger, --wy-color-danger-surface, --wy-color-warning, --wy-color-warning-surface,
 *   --wy-color-success, --wy-color-focus, --wy-radius, --wy-space-xs|s|m|l|xl.
 * Elements read them through private `--_x` variables so a host page that resets styles, or
 * sets none of these, still gets a readable element.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--wy-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--wy-font-size, 0.875rem);
    line-height: 1.5;
    color: var(--wy-color-text, #1f2328);
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
    outline: 2px solid var(--wy-color-focus, #2f6feb);
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
