import { css } from 'lit';

/** Styles of the what-if panel, loaded with it. */
export const styles = [
  css`
    [part='what-if'] {
      margin-block-start: var(--_wy-space-l);
      padding: var(--_wy-space-m);
      border: 1px solid var(--_accent);
      border-radius: var(--_wy-radius);
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 var(--_wy-space-m);
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) var(--_wy-space-l);
    }
    .field {
      display: grid;
      gap: 0.15em;
    }
    .field span {
      font-size: 0.9em;
      color: var(--_muted);
    }
    table.compare {
      width: auto;
      margin-block-end: var(--_space);
    }
    td.changed {
      background: var(--_changed);
      font-weight: 600;
    }
    @media print {
      [part='what-if'] {
        display: none;
      }
    }
  `,
];
