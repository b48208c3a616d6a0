import { css } from 'lit';

/** The list view's rows, badges, groups and bulk bar (adopted when the list is first shown). */
export const listStyles = css`
    [part='bulk'] {
      background: var(--_wy-surface-alt);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-s);
      margin-top: var(--_wy-space-s);
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
    /* The warning colour on the overdue row's danger surface falls under 4.5:1 (4.47 with the defaults). */
    [part~='row'].overdue .rejected {
      color: var(--_wy-text);
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
    .thumbs img {
      inline-size: 3rem;
      block-size: 3rem;
      object-fit: cover;
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-border);
    }
`;
