import { css } from 'lit';
import { baseStyles } from '../../shared/base.styles.js';

/** Shared look of every field element. */
export const fieldStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_border: var(--wy-field-border-color, var(--wy-color-border, #c9ced6));
      --_danger: var(--wy-color-danger, #b42318);
      --_muted: var(--wy-color-muted, #59636e);
      --_radius: var(--wy-radius, 4px);
      --_surface: var(--wy-field-background, var(--wy-color-surface, #fff));
      --_primary: var(--wy-color-primary, #1f6feb);
      min-width: 0;
    }
    [part='field'] {
      display: grid;
      gap: var(--wy-space-xs, 0.25rem);
    }
    [part='field-label'] {
      font-weight: 500;
      display: flex;
      gap: 0.25em;
      align-items: baseline;
    }
    .req {
      color: var(--_danger);
    }
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      font: inherit;
      color: inherit;
      width: 100%;
      min-height: 2.25rem;
      padding: 0.375rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    textarea {
      resize: vertical;
      min-height: 4.5rem;
    }
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible {
      outline: 2px solid var(--wy-color-focus, #2f6feb);
      outline-offset: 0;
      border-color: var(--wy-color-focus, #2f6feb);
    }
    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
    }
    :host([disabled]) input,
    :host([disabled]) select,
    :host([disabled]) textarea,
    :host([disabled]) button {
      opacity: 0.6;
      cursor: not-allowed;
    }
    [part='field-help'] {
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part='field-error'] {
      color: var(--_danger);
      font-size: 0.9em;
    }
    [part='field-counter'] {
      color: var(--_muted);
      font-size: 0.85em;
      justify-self: end;
    }
    [part='field-counter'].over {
      color: var(--_danger);
    }
    .pending {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: var(--wy-space-xs, 0.25rem) var(--wy-space-m, 0.75rem);
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    .choices legend {
      padding: 0;
      margin-bottom: var(--wy-space-xs, 0.25rem);
      font-weight: 500;
    }
    .choice {
      display: inline-flex;
      gap: 0.375em;
      align-items: center;
      min-height: 1.75rem;
    }
    input[type='checkbox'],
    input[type='radio'] {
      width: 1rem;
      height: 1rem;
      accent-color: var(--_primary);
      margin: 0;
    }
    button {
      font: inherit;
      cursor: pointer;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--wy-color-surface-alt, #f6f8fa);
      color: inherit;
      padding: 0.25rem 0.625rem;
      min-height: 2rem;
    }
    [part='read-value'] {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .read {
      display: grid;
      grid-template-columns: minmax(6em, max-content) 1fr;
      gap: var(--wy-space-s, 0.5rem);
      padding-block: 0.25rem;
      border-bottom: 1px dotted var(--_border);
    }
    .read [part='field-label'] {
      color: var(--_muted);
      font-weight: 400;
    }
    @media print {
      input,
      select,
      textarea {
        border-color: #000;
      }
      button {
        display: none;
      }
    }
  `,
];
