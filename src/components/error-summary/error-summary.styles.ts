import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const styles = [
  baseStyles,
  css`
  :host {
    display: block;
  }
  [part='base'] {
    --_color: var(--wy-error-summary-color, var(--wy-color-danger, #b42318));
    border: 1px solid var(--_color);
    border-inline-start-width: 4px;
    border-radius: var(--wy-radius, 4px);
    background: var(--wy-error-summary-background, var(--wy-color-danger-surface, #fef3f2));
    padding: var(--wy-space-m, 0.75rem) var(--wy-space-l, 1rem);
  }
  [part='base']:focus-visible {
    outline: 2px solid var(--wy-color-focus, #2f6feb);
    outline-offset: 2px;
  }
  [part='heading'] {
    margin: 0 0 var(--wy-space-s, 0.5rem);
    font-size: 1em;
    font-weight: 600;
    color: var(--_color);
  }
  [part='list'] {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  a {
    color: var(--_color);
    text-decoration: underline;
    cursor: pointer;
  }
  a:focus-visible {
    outline: 2px solid var(--wy-color-focus, #2f6feb);
    outline-offset: 1px;
  }
`,
];
