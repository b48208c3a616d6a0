import { css } from 'lit';

/**
 * The period controls and the "counted and not counted" box, shared by <wy-complaint-stats> and
 * <wy-deduction-calculator>.
 */
export const periodStyles = css`
    .period {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_wy-space-s) var(--_wy-space-m);
      margin: 0 0 var(--_wy-space-m);
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
    }
    .period legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .period label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.875em;
    }
    .period select,
    .period input {
      font: inherit;
      min-height: 2rem;
      padding: 0.125rem 0.375rem;
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      background: var(--_wy-surface);
      color: inherit;
    }
    .period .range-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--_wy-danger);
    }
    .coverage {
      margin: 0 0 var(--_wy-space-m);
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border-left: 3px solid var(--_wy-primary);
      background: var(--_wy-surface-alt);
      font-size: 0.875em;
    }
    .coverage h3 {
      margin: 0 0 0.25rem;
      font-size: 1em;
    }
    .coverage p,
    .coverage ul {
      margin: 0.25rem 0;
    }
`;
