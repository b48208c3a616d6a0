import { css } from 'lit';

/** Tables of the summary and the printed problem list (loaded with them). */
export const tableStyles = css`
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      border: 1px solid var(--_wy-border);
      padding: 0.2rem 0.4rem;
      text-align: start;
      vertical-align: top;
    }
    td {
      font-variant-numeric: tabular-nums;
    }
    thead th {
      background: var(--_wy-surface-alt);
    }
`;
