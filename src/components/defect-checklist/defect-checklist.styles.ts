import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_danger: var(--wy-defect-checklist-overdue, var(--_wy-danger));
      --_bar: var(--wy-defect-checklist-bar, var(--_wy-primary));
    }
    [part='base'] {
      background: var(--_wy-surface);
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-m);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
    h3 {
      font-size: 1.05em;
      margin: var(--_wy-space-m) 0 var(--_wy-space-s);
    }
    h4 {
      font-size: 1em;
      margin: var(--_wy-space-m) 0 var(--_wy-space-s);
    }
    p {
      margin: 0.25rem 0;
    }
    .muted {
      color: var(--_wy-muted);
    }
    .error {
      color: var(--_danger);
    }
    .error:empty {
      display: none;
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-s) var(--_wy-space-m);
      align-items: baseline;
      margin-bottom: var(--_wy-space-s);
    }
    .house {
      font-weight: 600;
    }
    .counts {
      color: var(--_wy-muted);
    }
    button,
    .button {
      font: inherit;
      border: 1px solid var(--_wy-border);
      background: var(--_wy-surface);
      color: inherit;
      border-radius: var(--_wy-radius);
      padding: 0.3rem 0.7rem;
      cursor: pointer;
      min-block-size: 2rem;
    }
    button.primary {
      background: var(--_wy-primary);
      color: var(--_wy-on-primary);
      border-color: var(--_wy-primary);
    }
    button:hover {
      border-color: var(--_wy-primary);
    }
    select,
    input[type='text'],
    input[type='search'],
    input[type='date'],
    textarea {
      font: inherit;
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      padding: 0.25rem 0.4rem;
      background: var(--_wy-surface);
      color: inherit;
      min-block-size: 2rem;
    }
    textarea {
      inline-size: 100%;
      resize: vertical;
    }
    label {
      display: inline-flex;
      flex-direction: column;
      gap: 0.15rem;
      font-size: 0.95em;
    }
    label.check {
      flex-direction: row;
      align-items: center;
      gap: 0.3rem;
    }
    label[for] {
      display: block;
      margin-top: var(--_wy-space-s);
    }
    [part='tabs'] {
      display: flex;
      gap: 2px;
      border-bottom: 1px solid var(--_wy-border);
      margin-bottom: var(--_wy-space-m);
    }
    [part='tab'] {
      border: 1px solid transparent;
      border-bottom: none;
      border-radius: var(--_wy-radius) var(--_wy-radius) 0 0;
      background: transparent;
      margin-bottom: -1px;
    }
    [part='tab'][aria-selected='true'] {
      border-color: var(--_wy-border);
      background: var(--_wy-surface);
      font-weight: 600;
      box-shadow: inset 0 3px 0 var(--_wy-primary);
    }
    .row,
    [part='filters'],
    [part='bulk'],
    .print-toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-s) var(--_wy-space-m);
      align-items: end;
    }
    fieldset {
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      margin: var(--_wy-space-m) 0 0;
      padding: var(--_wy-space-s);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-top: var(--_wy-space-s);
    }
    .desc {
      margin: 0.2rem 0;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .empty {
      padding: var(--_wy-space-m);
      color: var(--_wy-muted);
    }
    @media print {
      [part='base'] {
        border: none;
        padding: 0;
      }
      [part='tabs'],
      .print-toolbar,
      [part='filters'],
      [part='bulk'],
      [part='entry'],
      .counts,
      dialog {
        display: none !important;
      }
    }
`,
];
