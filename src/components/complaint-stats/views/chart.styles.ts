import { css } from 'lit';

/** The bar chart per category. */
export const chartStyles = css`
    [part='chart'] {
      flex: 0 1 16rem;
      min-width: 12rem;
      margin: 0;
    }
    [part='chart'] figcaption {
      font-weight: 600;
      margin-bottom: var(--_wy-space-xs);
    }
    [part='chart'] svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
    }
    [part='chart'] .bar {
      fill: var(--_bar);
    }
    [part='chart'] .previous {
      fill: var(--_muted);
      opacity: 0.45;
    }
    [part='chart'] text {
      fill: currentColor;
      font-size: 11px;
    }
    [part='chart'] text.value {
      fill: var(--_muted);
    }

`;
