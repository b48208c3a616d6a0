import { css } from 'lit';

/** The caption and buttons above the table, and the table beside the chart. */
export const reportStyles = css`
    [part='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_wy-space-s);
    }
    [part='caption'] {
      flex: 1 1 auto;
      margin: 0;
      font-size: 1.05em;
      font-weight: 600;
    }
    .layout {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: var(--_wy-space-l);
    }
    @media print {
      [part='toolbar'],
      [part='chart'] {
        display: none;
      }
    }
`;
