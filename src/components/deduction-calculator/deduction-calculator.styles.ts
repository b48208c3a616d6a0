import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { periodStyles } from '../shared/period.styles.js';

export const styles = [
  baseStyles,
  periodStyles,
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
    button.small {
      padding: 0 0.5em;
      font-size: 0.9em;
      white-space: nowrap;
    }
    table.details tbody th[scope='row'] {
      white-space: nowrap;
    }
    button[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_wy-on-primary);
      border-color: var(--_accent);
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
    [part='rules-editor'] {
      display: grid;
      gap: var(--_space);
      margin-block-end: var(--_wy-space-m);
      padding: var(--_wy-space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
    }
    [part='rules-editor'] label {
      font-weight: 600;
    }
    textarea {
      width: 100%;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
      padding: var(--_space);
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_wy-danger);
    }
    .actions {
      display: flex;
      gap: var(--_space);
      flex-wrap: wrap;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: start;
      color: var(--_muted);
      padding-block-end: 0.25em;
    }
    th,
    td {
      padding: 0.35em 0.6em;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }
    thead th {
      font-weight: 600;
      white-space: nowrap;
      background: var(--_stripe);
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .score {
      font-weight: 600;
    }
    button.expand {
      border: 0;
      background: none;
      padding: 0;
      font-weight: 600;
      text-align: start;
      color: var(--_accent);
    }
    .chevron {
      display: inline-block;
      width: 1.1em;
    }
    .capped {
      color: var(--_accent);
      font-size: 0.85em;
    }
    .stars {
      color: #b7791f;
      letter-spacing: -0.05em;
    }
    [part='details'] > td {
      background: var(--_stripe);
      padding: var(--_space) var(--_wy-space-m);
    }
    table.details th,
    table.details td {
      background: transparent;
      font-size: 0.95em;
    }
    tr.selected > * {
      background: var(--_changed);
    }
    .group-lines th {
      font-weight: 600;
    }
    ul.lines {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.15em;
    }
    .pts {
      display: inline-block;
      min-width: 3.5em;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    code {
      font-size: 0.8em;
      color: var(--_muted);
      margin-inline: 0.3em;
    }
    .inputs {
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part='total'] > * {
      font-weight: 600;
      border-top: 2px solid var(--_border);
    }
    [part='what-if'] {
      margin-block-start: var(--_wy-space-l);
      padding: var(--_wy-space-m);
      border: 1px solid var(--_accent);
      border-radius: var(--_wy-radius);
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 var(--_wy-space-m);
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) var(--_wy-space-l);
    }
    .field {
      display: grid;
      gap: 0.15em;
    }
    .field span {
      font-size: 0.9em;
      color: var(--_muted);
    }
    select {
      font: inherit;
    }
    table.compare {
      width: auto;
      margin-block-end: var(--_space);
    }
    td.changed {
      background: var(--_changed);
      font-weight: 600;
    }
    @media print {
      [part='toolbar'],
      [part='what-if'],
      button.small {
        display: none;
      }
    }
  `,
];
