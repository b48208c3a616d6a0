import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

// What the first paint shows (header, loading, a failed load); the rest comes with the view
// (views/intake.styles.ts), adopted when it loads.

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_primary: var(--wy-complaint-form-accent, var(--_wy-primary));
    }
    [part='base'] {
      display: grid;
      gap: var(--_wy-space-m);
    }
    [part='intake-header'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-xs) var(--_wy-space-xl);
      margin: 0;
      padding: var(--_wy-space-s) var(--_wy-space-l);
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      background: var(--_wy-surface-alt);
    }
    [part='intake-header'] div {
      display: flex;
      gap: 0.5em;
    }
    dt {
      color: var(--_wy-muted);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    dd.pending {
      font-weight: normal;
      font-style: italic;
      color: var(--_wy-muted);
    }
    /* Until the inner form and its data arrive: grey bars where the fields will be. */
    [part='loading'] {
      display: grid;
      gap: var(--_wy-space-m);
    }
    [part='loading'] .bar {
      height: 2.25em;
      border-radius: var(--_wy-radius);
      background: var(--_wy-surface-alt);
      border: 1px solid var(--_wy-border);
    }
    [part='loading'] .bar.short {
      width: 40%;
    }
    [part='loading'] .label {
      color: var(--_wy-muted);
    }
    [part='failure'] {
      padding: var(--_wy-space-s) var(--_wy-space-l);
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-danger);
      border-inline-start-width: 4px;
      background: var(--_wy-danger-surface);
      color: var(--_wy-danger);
    }
    @media print {
      [part='intake-header'],
      [part='toolbar'],
      [part='status'],
      [part='failure'] {
        display: none;
      }
    }
  `,
];
