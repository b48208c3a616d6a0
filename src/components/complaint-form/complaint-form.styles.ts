import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_primary: var(--wy-complaint-form-accent, var(--wy-color-primary, #1f6feb));
      --_on-primary: var(--wy-color-on-primary, #fff);
      --_border: var(--wy-color-border, #d0d7de);
    }
    [part='base'] {
      display: grid;
      gap: var(--wy-space-m, 0.75rem);
    }
    [part='intake-header'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--wy-space-xs, 0.25rem) var(--wy-space-xl, 1.5rem);
      margin: 0;
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-l, 1rem);
      border: 1px solid var(--_border);
      border-radius: var(--wy-radius, 4px);
      background: var(--wy-color-surface-alt, #f6f8fa);
    }
    [part='definition'] {
      margin: var(--wy-space-s, 0.5rem) 0;
      padding: var(--wy-space-xs, 0.25rem) var(--wy-space-l, 1rem);
      border-inline-start: 3px solid var(--wy-color-primary, #0969da);
    }
    [part='definition'] summary {
      cursor: pointer;
    }
    [part='definition'] dl div {
      display: block;
      margin-block: 0.25em;
    }
    [part='definition'] dd {
      display: inline;
      font-weight: normal;
    }
    [part='definition'] dt {
      display: inline;
      margin-inline-end: 0.5em;
      font-weight: 600;
    }
    [part='routing'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em;
      margin: 0;
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-l, 1rem);
      border-left: 3px solid var(--wy-color-primary, #1f6feb);
      background: var(--wy-color-surface-alt, #f6f8fa);
    }
    .routing-label,
    .routing-why {
      color: var(--wy-color-muted, #59636e);
    }
    [part='intake-header'] div {
      display: flex;
      gap: 0.5em;
    }
    dt {
      color: var(--wy-color-muted, #59636e);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    dd.pending {
      font-weight: normal;
      font-style: italic;
      color: var(--wy-color-muted, #59636e);
    }
    [part='submit'] {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      font: inherit;
      padding: 0.45em 1.25em;
      border-radius: var(--wy-radius, 4px);
      border: 1px solid var(--_primary);
      background: var(--_primary);
      color: var(--_on-primary);
      cursor: pointer;
    }
    [part='submit'][aria-disabled='true'] {
      cursor: progress;
      opacity: 0.85;
    }
    .spinner {
      width: 1em;
      height: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
    [part='status'] {
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-l, 1rem);
      border-radius: var(--wy-radius, 4px);
      border: 1px solid var(--wy-color-success, #1a7f37);
      background: var(--wy-color-success-surface, #dafbe1);
      color: #0b4a1f;
    }
    [part='failure'] {
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-l, 1rem);
      border-radius: var(--wy-radius, 4px);
      border: 1px solid var(--wy-color-danger, #b42318);
      border-inline-start-width: 4px;
      background: var(--wy-color-danger-surface, #fef3f2);
      color: var(--wy-color-danger, #b42318);
    }
    [part='toolbar'] {
      display: flex;
      justify-content: flex-end;
      gap: var(--wy-space-s, 0.5rem);
    }
    [part='toolbar'] button {
      font: inherit;
      padding: 0.35em 1em;
      border-radius: var(--wy-radius, 4px);
      border: 1px solid var(--_border);
      background: var(--wy-color-surface, #fff);
      color: inherit;
      cursor: pointer;
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
