import { css } from 'lit';

/** Styles of the paste-a-rule-set panel, loaded with it. */
export const styles = [
  css`
    [part='rules-editor'] {
      display: grid;
      gap: var(--_space);
      margin-block-end: var(--_wy-space-m);
      padding: var(--_wy-space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
    }
    [part='rules-editor'] label {
      font-weight: 600;
    }
    textarea {
      width: 100%;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
      padding: var(--_space);
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_wy-danger);
    }
  `,
];
