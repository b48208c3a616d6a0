import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_gap: var(--wy-schema-form-gap, var(--wy-space-m, 0.75rem));
      --_primary: var(--wy-color-primary, #1f6feb);
      --_on-primary: var(--wy-color-on-primary, #fff);
      --_border: var(--wy-color-border, #d0d7de);
    }
    form {
      display: grid;
      gap: var(--_gap);
    }
    fieldset.body {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
      display: grid;
      gap: var(--wy-space-l, 1rem);
    }
    .group {
      border: 1px solid var(--_border);
      border-radius: var(--wy-radius, 4px);
      padding: var(--wy-space-m, 0.75rem) var(--wy-space-l, 1rem) var(--wy-space-l, 1rem);
      margin: 0;
      min-width: 0;
    }
    .group > legend {
      font-weight: 600;
      font-size: 1.05em;
      padding-inline: 0.25rem;
    }
    .group-description {
      margin: 0 0 var(--wy-space-s, 0.5rem);
      color: var(--wy-color-muted, #59636e);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(var(--_cols, var(--wy-schema-form-columns, 1)), minmax(0, 1fr));
      gap: var(--_gap);
      align-items: start;
    }
    .grid > [hidden] {
      display: none;
    }
    .grid > wy-object-field,
    .grid > wy-array-field,
    .grid > wy-textarea-field,
    .grid > wy-file-field {
      grid-column: 1 / -1;
    }
    @container (max-width: 36rem) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
      .grid > * {
        grid-column: auto !important;
      }
    }
    .notice {
      border-radius: var(--wy-radius, 4px);
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-m, 0.75rem);
      border: 1px solid var(--wy-color-border, #d0d7de);
      background: var(--wy-color-surface-alt, #f6f8fa);
    }
    .notice.draft {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--wy-space-s, 0.5rem);
      border-color: var(--wy-color-primary, #1f6feb);
    }
    .notice.warning {
      border-color: var(--wy-color-warning, #9a6700);
      background: var(--wy-color-warning-surface, #fff8c5);
    }
    .notice.danger {
      border-color: var(--wy-color-danger, #b42318);
      background: var(--wy-color-danger-surface, #fef3f2);
      color: var(--wy-color-danger, #b42318);
      font-weight: 500;
    }
    .steps {
      display: flex;
      gap: var(--wy-space-s, 0.5rem);
      list-style: none;
      padding: 0;
      margin: 0;
      counter-reset: step;
      flex-wrap: wrap;
    }
    .steps li {
      counter-increment: step;
      padding: 0.25rem 0.75rem;
      border-radius: 999px;
      border: 1px solid var(--_border);
      color: var(--wy-color-muted, #59636e);
    }
    .steps li::before {
      content: counter(step) '. ';
    }
    .steps li[aria-current='step'] {
      border-color: var(--_primary);
      color: var(--_primary);
      font-weight: 600;
    }
    .steps li.done {
      color: inherit;
    }
    .actions {
      display: flex;
      gap: var(--wy-space-s, 0.5rem);
      flex-wrap: wrap;
    }
    button {
      font: inherit;
      min-height: 2.25rem;
      padding: 0.375rem 1rem;
      border-radius: var(--wy-radius, 4px);
      border: 1px solid var(--_border);
      background: var(--wy-color-surface, #fff);
      color: inherit;
      cursor: pointer;
    }
    button.primary {
      background: var(--_primary);
      border-color: var(--_primary);
      color: var(--_on-primary);
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .error-panel {
      border: 1px solid var(--wy-color-danger, #b42318);
      border-inline-start-width: 4px;
      border-radius: var(--wy-radius, 4px);
      padding: var(--wy-space-m, 0.75rem);
      background: var(--wy-color-danger-surface, #fef3f2);
      display: grid;
      gap: 0.25rem;
      overflow-wrap: anywhere;
    }
    .document {
      display: none;
      text-align: center;
    }
    .doc-title {
      font-size: 1.4em;
      font-weight: 700;
      letter-spacing: 0.1em;
    }
    .doc-meta {
      display: flex;
      gap: 1.5em;
      justify-content: center;
      color: var(--wy-color-muted, #59636e);
      font-size: 0.9em;
    }
    .print-footer {
      display: none;
    }
    :host([readonly]) .document {
      display: block;
    }
    @media print {
      :host {
        font-size: 10.5pt;
      }
      .document {
        display: block;
      }
      .actions,
      .steps,
      wy-error-summary,
      .notice {
        display: none;
      }
      .group {
        break-inside: avoid;
        border-color: #000;
      }
    }
  `,
];
