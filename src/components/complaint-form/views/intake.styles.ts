import { css } from 'lit';

/**
 * Styles of the parts the intake view draws (definition, routing, submit, status, toolbar),
 * adopted into the element's shadow root when the view loads. `--_primary` and the private
 * token variables come from the element's own styles.
 */
export const styles = [
  css`
    [part='definition'] {
      margin: var(--_wy-space-s) 0;
      padding: var(--_wy-space-xs) var(--_wy-space-l);
      border-inline-start: 3px solid var(--_wy-primary);
    }
    [part='definition'] summary {
      cursor: pointer;
    }
    [part='definition'] dl div {
      display: block;
      margin-block: 0.25em;
    }
    [part='definition'] dd {
      display: inline;
      font-weight: normal;
    }
    [part='definition'] dt {
      display: inline;
      margin-inline-end: 0.5em;
      font-weight: 600;
    }
    [part='routing'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em;
      margin: 0;
      padding: var(--_wy-space-s) var(--_wy-space-l);
      border-left: 3px solid var(--_wy-primary);
      background: var(--_wy-surface-alt);
    }
    .routing-label,
    .routing-why {
      color: var(--_wy-muted);
    }
    [part='submit'] {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      font: inherit;
      padding: 0.45em 1.25em;
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_primary);
      background: var(--_primary);
      color: var(--_wy-on-primary);
      cursor: pointer;
    }
    [part='submit'][aria-disabled='true'] {
      cursor: progress;
      opacity: 0.85;
    }
    .spinner {
      width: 1em;
      height: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
    [part='status'] {
      padding: var(--_wy-space-s) var(--_wy-space-l);
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-success);
      background: var(--_wy-success-surface);
      color: var(--_wy-text);
    }
    [part='toolbar'] {
      display: flex;
      justify-content: flex-end;
      gap: var(--_wy-space-s);
    }
    [part='toolbar'] button {
      font: inherit;
      padding: 0.35em 1em;
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-border);
      background: var(--_wy-surface);
      color: inherit;
      cursor: pointer;
    }
    @media print {
      [part='toolbar'],
      [part='status'] {
        display: none;
      }
    }
  `,
];
