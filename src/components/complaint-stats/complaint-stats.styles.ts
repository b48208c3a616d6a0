import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_border: var(--wy-complaint-stats-border-color, var(--_wy-border));
      --_surface: var(--wy-complaint-stats-background, var(--_wy-surface));
      --_head: var(--wy-complaint-stats-header-background, var(--_wy-surface-alt));
      --_group: var(--wy-complaint-stats-group-background, #e9eef5);
      --_subtotal: var(--wy-complaint-stats-subtotal-background, #f6f8fa);
      --_total: var(--wy-complaint-stats-total-background, #e4eaf2);
      --_bar: var(--wy-complaint-stats-bar-color, var(--_wy-primary));
      --_muted: var(--_wy-muted);
      --_row-h: var(--wy-complaint-stats-row-height, 2.25rem);
      --_height: var(--wy-complaint-stats-height, 30rem);
    }
    [part='base'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_wy-space-m);
    }
    button.action {
      font: inherit;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
      background: var(--_surface);
      color: inherit;
      cursor: pointer;
    }
    button.action:hover {
      background: var(--_head);
    }
    [part='notice'] {
      margin: 0;
      color: var(--_muted);
    }
    [part='error'] {
      margin: 0;
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border: 1px solid var(--_wy-danger);
      border-radius: var(--_wy-radius);
      background: var(--_wy-danger-surface);
      color: var(--_wy-danger);
    }
  `,
];
