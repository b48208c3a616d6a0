import { css } from 'lit';

/** The overview: header, steps, sections, actions, notices, the open action's panel; nothing of it prints but the record. The host's private variables (--_gap, --_primary…) come from the shell's styles. */
export const styles = [
  css`
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
    time {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
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
