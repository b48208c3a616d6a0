import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

/**
 * What the shell paints before anything is loaded: the host's private variables, the panel box,
 * messages (loading, missing, errors) and buttons. Each view loaded on demand brings its own
 * `styles` (views/body.styles.ts, views/clocks.styles.ts, views/timeline.styles.ts), adopted
 * by the LazyController when the view arrives.
 */
export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      /* The kit's tokens are resolved once in baseStyles (--_wy-*); only this element's own
         public properties fall back to them here. */
      --_gap: var(--wy-workflow-panel-gap, var(--_wy-space-l));
      --_border: var(--_wy-border);
      --_muted: var(--_wy-muted);
      --_primary: var(--_wy-primary);
      --_on-primary: var(--_wy-on-primary);
      --_warning: var(--wy-workflow-panel-warning, var(--_wy-warning));
      --_warning-surface: var(--_wy-warning-surface);
      --_danger: var(--wy-workflow-panel-overdue, var(--_wy-danger));
      --_danger-surface: var(--_wy-danger-surface);
      --_success: var(--_wy-success);
      --_surface: var(--_wy-surface);
      --_surface-alt: var(--_wy-surface-alt);
      --_radius: var(--_wy-radius);
    }
    .panel {
      display: grid;
      gap: var(--_gap);
      background: var(--_surface);
    }
    .message {
      margin: 0;
      color: var(--_muted);
    }
    .message.error {
      color: var(--_danger);
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      padding: var(--_wy-space-xs) var(--_wy-space-m);
      min-block-size: 2.25rem;
    }
    .secondary {
      background: var(--_surface);
      color: var(--_primary);
      border: 1px solid var(--_border);
    }
    button:disabled {
      opacity: 0.6;
      cursor: progress;
    }
  `,
];
