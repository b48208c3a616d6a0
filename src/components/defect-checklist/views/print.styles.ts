import { css } from 'lit';

/** The printable problem list (loaded with it): sheets, signatures, paper rules. */
export const printStyles = css`
    [part='sheet'] {
      margin-top: var(--_wy-space-m);
    }
    [part='sheet'] table {
      margin-bottom: var(--_wy-space-s);
    }
    [part='sheet'] tr.overdue td {
      color: var(--_danger);
    }
    .signatures {
      display: flex;
      gap: 2rem;
      margin-top: var(--_wy-space-m);
    }
    .signatures span {
      min-inline-size: 12rem;
    }
    @media print {
      [part='sheet'] {
        break-after: page;
      }
      [part='sheet']:last-of-type {
        break-after: auto;
      }
      th,
      td {
        border-color: #000;
      }
      thead th {
        background: none;
      }
      tr {
        break-inside: avoid;
      }
    }
`;
