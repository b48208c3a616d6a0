import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { fieldBodyStyles, groupBodyStyles } from './fields/field.styles.js';

// Notes on the rules below (kept out of the CSS text, which ships as written):
// - Block flow with margins, not grid gaps: a grid with an auto column sizes every item by its content first (an intrinsic pass over all the fields), which doubled the first layout.
// - Its own formatting context: the first gap stays inside the form, as a grid's did.
// - Only a layout with columns is a size container (a container makes the browser interleave style and layout for everything inside it: a single-column form does not pay for that).
// - One column: block flow (cheaper to lay out than a grid of hundreds of fields).

// The built-in fields render into the form's tree: their styles are the form's.
export const styles = [
  baseStyles,
  fieldBodyStyles,
  groupBodyStyles,
  css`
    :host {
      display: block;
      --_gap: var(--wy-schema-form-gap, var(--_wy-space-m));
    }
    form {
      display: flow-root;
    }
    form > * + * {
      margin-block-start: var(--_gap);
    }
    form > .visually-hidden,
    form > wy-error-summary {
      margin: 0;
    }
    form.columns {
      container-type: inline-size;
    }
    fieldset.body {
      border: 0;
      padding: 0;
      margin-inline: 0;
      min-width: 0;
      display: block;
    }
    .body > .group + .group {
      margin-block-start: var(--_wy-space-l);
    }
    .body > .group {
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-m) var(--_wy-space-l) var(--_wy-space-l);
      margin: 0;
      min-width: 0;
    }
    .body > .group > legend {
      font-weight: 600;
      font-size: 1.05em;
      padding-inline: 0.25rem;
    }
    .group-description {
      margin: 0 0 var(--_wy-space-s);
      color: var(--_wy-muted);
    }
    .grid > .field + .field {
      margin-block-start: var(--_gap);
    }
    .columns .grid {
      display: grid;
      grid-template-columns: repeat(var(--_cols, var(--wy-schema-form-columns, 1)), minmax(0, 1fr));
      gap: var(--_gap);
      align-items: start;
    }
    .columns .grid > .field + .field {
      margin-block-start: 0;
    }
    .field {
      display: block;
      min-width: 0;
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
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border: 1px solid var(--_wy-border);
      background: var(--_wy-surface-alt);
    }
    .notice.draft {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_wy-space-s);
      border-color: var(--_wy-primary);
    }
    .notice.warning {
      border-color: var(--_wy-warning);
      background: var(--_wy-warning-surface);
    }
    .notice.danger {
      border-color: var(--_wy-danger);
      background: var(--_wy-danger-surface);
      color: var(--_wy-danger);
      font-weight: 500;
    }
    .steps {
      display: flex;
      gap: var(--_wy-space-s);
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
      border: 1px solid var(--_wy-border);
      color: var(--_wy-muted);
    }
    .steps li::before {
      content: counter(step) '. ';
    }
    .steps li[aria-current='step'] {
      border-color: var(--_wy-primary);
      color: var(--_wy-primary);
      font-weight: 600;
    }
    .steps li.done {
      color: inherit;
    }
    .actions {
      display: flex;
      gap: var(--_wy-space-s);
      flex-wrap: wrap;
    }
    button {
      font: inherit;
      min-height: 2.25rem;
      padding: 0.375rem 1rem;
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-border);
      background: var(--_wy-surface);
      color: inherit;
      cursor: pointer;
    }
    button.primary {
      background: var(--_wy-primary);
      border-color: var(--_wy-primary);
      color: var(--_wy-on-primary);
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .error-panel {
      border: 1px solid var(--_wy-danger);
      border-inline-start-width: 4px;
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-m);
      background: var(--_wy-danger-surface);
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
      color: var(--_wy-muted);
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
      .body > .group {
        break-inside: avoid;
        border-color: #000;
      }
    }
  `,
];
