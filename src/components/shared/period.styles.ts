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
      gap: var(--wy-space-s, 0.5rem) var(--wy-space-m, 0.75rem);
      margin: 0 0 var(--wy-space-m, 0.75rem);
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-m, 0.75rem);
      border: 1px solid var(--wy-color-border, #d0d7de);
      border-radius: var(--wy-radius, 6px);
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
      border: 1px solid var(--wy-color-border, #d0d7de);
      border-radius: var(--wy-radius, 6px);
      background: var(--wy-color-surface, #fff);
      color: inherit;
    }
    .period .range-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--wy-color-danger, #b42318);
    }
    .coverage {
      margin: 0 0 var(--wy-space-m, 0.75rem);
      padding: var(--wy-space-s, 0.5rem) var(--wy-space-m, 0.75rem);
      border-left: 3px solid var(--wy-color-primary, #1f6feb);
      background: var(--wy-color-surface-alt, #f6f8fa);
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
