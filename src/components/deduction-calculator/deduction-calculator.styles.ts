import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

/**
 * Styles of <wy-deduction-calculator>'s first paint: the host's private variables, header, toolbar,
 * buttons and messages. Each part loaded on demand brings its own (views/*.styles.ts), adopted by
 * the LazyController when it arrives.
 */
export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_accent: var(--wy-deduction-calculator-accent, var(--_wy-primary));
      --_stripe: var(--wy-deduction-calculator-stripe, var(--_wy-surface-alt));
      --_changed: var(--wy-deduction-calculator-changed, var(--_wy-warning-surface));
      --_border: var(--_wy-border);
      --_muted: var(--_wy-muted);
      --_space: var(--_wy-space-s);
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space) var(--_wy-space-l);
      margin-block-end: var(--_wy-space-m);
    }
    h2 {
      margin: 0;
      font-size: 1.15em;
      color: var(--_accent);
    }
    h3 {
      margin: 0 0 var(--_space);
      font-size: 1em;
    }
    .rules-name {
      margin: 0;
      color: var(--_muted);
    }
    [part='badge'] {
      display: inline-block;
      margin-inline-start: 0.4em;
      padding: 0 0.5em;
      border-radius: 999px;
      background: var(--_wy-warning-surface);
      color: var(--_wy-warning);
      font-size: 0.85em;
      font-weight: 600;
    }
    [part='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      width: 100%;
    }
    button {
      font: inherit;
      cursor: pointer;
      padding: 0.25em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
      background: var(--_wy-surface);
      color: inherit;
    }
    button:hover:not(:disabled) {
      border-color: var(--_accent);
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
    }
    .note {
      color: var(--_muted);
      margin: 0 0 var(--_space);
    }
    [part='error'] {
      margin: 0 0 var(--_wy-space-m);
      color: var(--_wy-danger);
    }
    [part='error'].note {
      color: var(--_muted);
    }
    .actions {
      display: flex;
      gap: var(--_space);
      flex-wrap: wrap;
    }
    select {
      font: inherit;
    }
    @media print {
      [part='toolbar'] {
        display: none;
      }
    }
  `,
];
