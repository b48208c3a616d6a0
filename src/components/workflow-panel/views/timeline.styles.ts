import { css } from 'lit';

/** The audit timeline. The host's private variables (--_gap, --_primary…) come from the shell's styles. */
export const styles = [
  css`
    .timeline {
      margin: 0;
      padding-inline-start: 2.25em;
    }
    .entry {
      padding-block: var(--_wy-space-s);
      border-block-end: 1px dashed var(--_border);
    }
    /* A long history: entries off screen skip layout and paint until scrolled to. On the body, not
       the <li>: the containment it implies would clip the list number (::marker). */
    .entry-body {
      content-visibility: auto;
      contain-intrinsic-size: auto 5rem;
    }
    .entry::marker {
      color: var(--_muted);
    }
    .entry-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--_wy-space-s);
    }
    .entry-title {
      font-weight: 600;
    }
    .entry.timer .entry-title {
      color: var(--_danger);
    }
    .entry-who,
    .entry-state {
      color: var(--_muted);
    }
    .entry-state.moved {
      color: inherit;
    }
    .entry-data {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 var(--_wy-space-m);
      margin-block-start: var(--_wy-space-xs);
      padding: var(--_wy-space-xs) var(--_wy-space-s);
      background: var(--_surface-alt);
      border-radius: var(--_radius);
    }
    .entry-data > div {
      display: contents;
    }
    .entry-data dt {
      color: var(--_muted);
    }
    .entry-data dd {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .entry-effects {
      margin: var(--_wy-space-xs) 0 0;
      padding-inline-start: 1.2em;
      color: var(--_muted);
      font-size: 0.9em;
    }
  `,
];
