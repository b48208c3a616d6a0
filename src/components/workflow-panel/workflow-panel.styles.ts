import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

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
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-xs) 0;
      margin: var(--_wy-space-m) 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .step:not(:last-child)::after {
      content: '›' / '';
      padding-inline: var(--_wy-space-s);
      color: var(--_border);
    }
    .step.current {
      color: var(--_primary);
      font-weight: 600;
    }
    .panel {
      display: grid;
      gap: var(--_gap);
      background: var(--_surface);
    }
    h2,
    h3,
    h4 {
      margin: 0 0 var(--_wy-space-s);
      line-height: 1.3;
    }
    h2 {
      font-size: 1.25em;
    }
    h3 {
      font-size: 1.05em;
    }
    h4 {
      font-size: 1em;
    }
    .doc,
    .order {
      font-size: 0.8em;
      font-weight: normal;
      color: var(--_muted);
    }
    .message {
      margin: 0;
      color: var(--_muted);
    }
    .message.error {
      color: var(--_danger);
    }
    .empty {
      margin: 0;
      color: var(--_muted);
    }
    dl {
      margin: 0;
    }
    dd {
      margin: 0;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-s) var(--_wy-space-xl);
    }
    .facts dt {
      font-size: 0.85em;
      color: var(--_muted);
    }
    .state {
      display: inline-block;
      padding: 0 var(--_wy-space-s);
      border-radius: 999px;
      border: 1px solid var(--_primary);
      color: var(--_primary);
      font-weight: 600;
    }
    .state.final {
      border-color: var(--_muted);
      color: var(--_muted);
    }
    .section {
      border-block-start: 1px solid var(--_border);
      padding-block-start: var(--_wy-space-m);
    }

    /* clocks */
    .clocks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: var(--_wy-space-m);
    }
    .clock {
      --_level: var(--_success);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_level);
      border-radius: var(--_radius);
      padding: var(--_wy-space-s) var(--_wy-space-m);
    }
    .clock.idle,
    .clock.paused {
      --_level: var(--_muted);
    }
    .clock.warning {
      --_level: var(--_warning);
      background: var(--_warning-surface);
    }
    .clock.overdue,
    .clock.missed {
      --_level: var(--_danger);
      background: var(--_danger-surface);
    }
    .clock-head {
      display: flex;
      justify-content: space-between;
      gap: var(--_wy-space-s);
      font-weight: 600;
    }
    .level {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      color: var(--_level);
      white-space: nowrap;
    }
    /* A shape per level, so the level never rests on colour alone (the word is there too). */
    .icon {
      inline-size: 0.7em;
      block-size: 0.7em;
      background: currentColor;
      border-radius: 50%;
    }
    .warning .icon {
      border-radius: 0;
      clip-path: polygon(50% 0, 100% 100%, 0 100%);
    }
    .overdue .icon,
    .missed .icon {
      border-radius: 0;
      transform: rotate(45deg);
    }
    .paused .icon {
      border-radius: 0;
      background: linear-gradient(90deg, currentColor 35%, transparent 35% 65%, currentColor 65%);
    }
    .clock-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 var(--_wy-space-m);
      margin-block: var(--_wy-space-xs);
    }
    .clock-facts > div {
      display: contents;
    }
    .clock-facts dt {
      color: var(--_muted);
    }
    .escalated {
      margin: 0;
      color: var(--_danger);
    }
    .bar {
      block-size: 4px;
      background: var(--_border);
      border-radius: 2px;
      overflow: hidden;
    }
    .bar > span {
      display: block;
      block-size: 100%;
      background: var(--_level);
    }

    /* actions */
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-s);
    }
    .action-item {
      display: flex;
      flex-direction: column;
      gap: 2px;
      max-inline-size: 18rem;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      padding: var(--_wy-space-xs) var(--_wy-space-m);
      min-block-size: 2.25rem;
    }
    .action,
    .primary {
      background: var(--_primary);
      color: var(--_on-primary);
      border: 1px solid var(--_primary);
    }
    .action.current {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    .action[aria-disabled='true'] {
      background: var(--_surface-alt);
      color: var(--_muted);
      border-color: var(--_border);
      cursor: not-allowed;
    }
    .target {
      margin-inline-start: 0.4em;
      font-size: 0.85em;
      font-weight: normal;
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
    .why {
      font-size: 0.85em;
      color: var(--_muted);
    }
    .notice {
      margin-block-start: var(--_wy-space-s);
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border: 1px solid currentColor;
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
    }
    .notice.success {
      color: var(--_success);
    }
    .notice.warning {
      color: var(--_warning);
      background: var(--_warning-surface);
    }
    .notice.error {
      color: var(--_danger);
      background: var(--_danger-surface);
    }
    .action-panel {
      margin-block-start: var(--_wy-space-m);
      padding: var(--_wy-space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .confirm-text {
      margin: 0 0 var(--_wy-space-s);
    }
    .confirm-actions {
      display: flex;
      gap: var(--_wy-space-s);
    }

    /* timeline */
    .timeline {
      margin: 0;
      padding-inline-start: 2.25em;
    }
    .entry {
      padding-block: var(--_wy-space-s);
      border-block-end: 1px dashed var(--_border);
    }
    /* A long history: entries off screen skip layout and paint until scrolled to. On the body, not
       the <li>: the containment it implies would clip the list number (::marker). */
    .entry-body {
      content-visibility: auto;
      contain-intrinsic-size: auto 5rem;
    }
    .entry::marker {
      color: var(--_muted);
    }
    .entry-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--_wy-space-s);
    }
    .entry-title {
      font-weight: 600;
    }
    .entry.timer .entry-title {
      color: var(--_danger);
    }
    time {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .entry-who,
    .entry-state {
      color: var(--_muted);
    }
    .entry-state.moved {
      color: inherit;
    }
    .entry-data {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 var(--_wy-space-m);
      margin-block-start: var(--_wy-space-xs);
      padding: var(--_wy-space-xs) var(--_wy-space-s);
      background: var(--_surface-alt);
      border-radius: var(--_radius);
    }
    .entry-data > div {
      display: contents;
    }
    .entry-data dt {
      color: var(--_muted);
    }
    .entry-data dd {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .entry-effects {
      margin: var(--_wy-space-xs) 0 0;
      padding-inline-start: 1.2em;
      color: var(--_muted);
      font-size: 0.9em;
    }
    @media print {
      .actions,
      .action-panel,
      .notice {
        display: none;
      }
    }
  `,
];
