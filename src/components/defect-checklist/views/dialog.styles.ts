import { css } from 'lit';

/** The note dialog (loaded with it). */
export const dialogStyles = css`
    dialog {
      border: 1px solid var(--_wy-border);
      border-radius: var(--_wy-radius);
      padding: var(--_wy-space-m);
      inline-size: min(30rem, 90vw);
      color: inherit;
      background: var(--_wy-surface);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.3);
    }
`;
