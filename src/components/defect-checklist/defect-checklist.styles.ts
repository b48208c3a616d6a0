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
    [part='bulk'] {
      background: var(--_wy-surface-alt);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-s);
      margin-top: var(--_wy-space-s);
    }
    fieldset {
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      margin: var(--_wy-space-m) 0 0;
      padding: var(--_wy-space-s);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    [part='chip'] {
      border-radius: 999px;
      background: var(--_wy-surface-alt);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-top: var(--_wy-space-s);
    }
    .thumbs img {
      inline-size: 3rem;
      block-size: 3rem;
      object-fit: cover;
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-border);
    }
    .recent {
      margin: 0;
      padding-inline-start: 1.5em;
      color: var(--_wy-muted);
    }
    lit-virtualizer {
      block-size: var(--wy-defect-checklist-list-height, 32rem);
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      margin-top: var(--_wy-space-s);
    }
    [part~='row'] {
      inline-size: 100%;
      display: flex;
      gap: var(--_wy-space-s);
      align-items: flex-start;
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border-bottom: 1px solid var(--_wy-border);
      background: var(--_wy-surface);
    }
    [part~='row'].overdue {
      border-inline-start: 4px solid var(--_danger);
      background: var(--_wy-danger-surface);
    }
    [part~='row'] .select {
      margin-top: 0.3rem;
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    .main {
      flex: 1;
      min-inline-size: 0;
    }
    .meta,
    .sub {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      align-items: center;
    }
    .id {
      font-family: ui-monospace, monospace;
      color: var(--_wy-muted);
    }
    .desc {
      margin: 0.2rem 0;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .badge {
      display: inline-block;
      border-radius: 999px;
      padding: 0 0.5rem;
      font-size: 0.85em;
      border: 1px solid var(--_wy-border);
      background: var(--_wy-surface-alt);
    }
    .badge.severity-serious {
      color: var(--_danger);
      border-color: currentColor;
    }
    .badge.status-closed {
      color: var(--_wy-success);
      border-color: currentColor;
    }
    .badge.status-rejected,
    .badge.status-disputed {
      color: var(--_wy-warning);
      border-color: currentColor;
    }
    .badge.overdue {
      background: var(--_danger);
      color: #fff;
      border-color: var(--_danger);
      font-weight: 600;
    }
    .rejected {
      color: var(--_wy-warning);
    }
    [part~='row'] .actions {
      margin-top: 0;
      justify-content: flex-end;
    }
    [part='group'] {
      inline-size: 100%;
      background: var(--_wy-surface-alt);
      padding: 0.2rem var(--_wy-space-m);
      border-bottom: 1px solid var(--_wy-border);
    }
    [part='group'] h3 {
      margin: 0;
      font-size: 0.95em;
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
    .draft-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_wy-space-s);
    margin: var(--_wy-space-s) 0;
    padding: var(--_wy-space-s) var(--_wy-space-m);
    border: 1px solid var(--_wy-primary);
    border-radius: var(--_wy-radius);
    background: var(--_wy-surface-alt);
  }
`,
];
