import { css } from 'lit';

/** The batch-entry view's chips, recent list and draft notice (adopted when entry is first shown). */
export const entryStyles = css`
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    [part='chip'] {
      border-radius: 999px;
      background: var(--_wy-surface-alt);
    }
    .recent {
      margin: 0;
      padding-inline-start: 1.5em;
      color: var(--_wy-muted);
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
`;
