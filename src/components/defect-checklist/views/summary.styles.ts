import { css } from 'lit';

/** The summary view and the owner's decision (loaded with them). */
export const summaryStyles = css`
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: var(--_wy-space-s);
      margin: 0 0 var(--_wy-space-m);
    }
    .stats div {
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-s);
    }
    .stats div.alert {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .stats dt {
      font-size: 0.85em;
      color: inherit;
    }
    .stats dd {
      margin: 0;
      font-size: 1.5em;
      font-weight: 600;
    }
    [part='chart'] {
      margin: 0 0 var(--_wy-space-m);
    }
    [part='chart'] figcaption {
      font-weight: 600;
      margin-bottom: var(--_wy-space-s);
    }
    [part='chart'] figcaption .muted {
      font-weight: normal;
      margin-inline-start: var(--_wy-space-s);
    }
    [part='chart'] ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.3rem;
    }
    [part='chart'] li {
      display: grid;
      grid-template-columns: 11rem 1fr 3rem;
      gap: var(--_wy-space-s);
      align-items: center;
    }
    .track {
      display: block;
      background: var(--_wy-surface-alt);
      border-radius: var(--_wy-radius);
      block-size: 1rem;
    }
    .bar {
      display: block;
      block-size: 100%;
      background: color-mix(in srgb, var(--_bar) 35%, transparent);
      border-radius: var(--_wy-radius);
      overflow: hidden;
    }
    .bar .closed {
      display: block;
      block-size: 100%;
      background: var(--_bar);
    }
    .value {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .tables {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
      gap: var(--_wy-space-m);
      align-items: start;
    }
    [part='decision'] {
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-m);
      margin-bottom: var(--_wy-space-m);
    }
    [part='decision'] h3 {
      margin-top: 0;
    }
    .decision.accept {
      color: var(--_wy-success);
      font-weight: 600;
    }
    .decision.refuse {
      color: var(--_danger);
      font-weight: 600;
    }
`;
