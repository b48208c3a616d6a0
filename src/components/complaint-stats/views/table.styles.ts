import { css } from 'lit';

/** The scrolling, virtualised table: sticky header, first column and group bar. */
export const tableStyles = css`
    [part='table'] {
      flex: 1 1 32rem;
      min-width: 0;
      max-height: var(--_height);
      overflow: auto;
      position: relative;
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
      background: var(--_surface);
      font-variant-numeric: tabular-nums;
      overscroll-behavior: contain;
    }
    .head {
      position: sticky;
      top: 0;
      z-index: 3;
      display: grid;
      grid-template-columns: var(--_cols);
      grid-template-rows: var(--_row-h) minmax(var(--_row-h), auto) 0;
      width: var(--_width);
      background: var(--_head);
    }
    .head > [role='row'] {
      display: contents;
    }
    .head [role='columnheader'] {
      display: flex;
      align-items: center;
      justify-content: center;
      padding: 0.125rem 0.375rem;
      border-bottom: 1px solid var(--_border);
      border-inline-end: 1px solid var(--_border);
      background: var(--_head);
      font-weight: 600;
      text-align: center;
      line-height: 1.2;
      overflow: hidden;
    }
    .head [role='columnheader'].label {
      position: sticky;
      left: 0;
      z-index: 1;
      justify-content: flex-start;
    }
    .sort {
      all: unset;
      display: inline-flex;
      align-items: center;
      gap: 0.125rem;
      cursor: pointer;
      border-radius: 2px;
      max-width: 100%;
    }
    .sort:focus-visible {
      outline: 2px solid var(--_wy-focus);
      outline-offset: 1px;
    }
    .sort > span:first-child {
      text-align: center;
    }
    .sort .arrow {
      color: var(--_muted);
      font-size: 0.75em;
      min-width: 0.75em;
    }
    /* Sits in a zero-height third row of the sticky header, so it follows the header whatever its height. */
    .sticky-group {
      grid-column: 1;
      grid-row: 3;
      position: sticky;
      left: 0;
      z-index: 2;
      height: 0;
    }
    [part='group-bar'] {
      display: flex;
      align-items: center;
      width: var(--_label-w);
      height: var(--_row-h);
      padding: 0 0.5rem;
      background: var(--_group);
      border-bottom: 1px solid var(--_border);
      border-inline-end: 1px solid var(--_border);
      font-weight: 600;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      box-shadow: 0 1px 2px rgb(0 0 0 / 8%);
    }
    .body {
      width: var(--_width);
    }
    .row {
      display: grid;
      grid-template-columns: var(--_cols);
      width: var(--_width);
      height: var(--_row-h);
    }
    .row > * {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      padding: 0 0.5rem;
      border-bottom: 1px solid var(--_border);
      border-inline-end: 1px solid var(--_border);
      background: var(--_surface);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .row > [role='rowheader'] {
      position: sticky;
      left: 0;
      z-index: 1;
      justify-content: flex-start;
    }
    .row.detail > [role='rowheader'] {
      padding-inline-start: var(--_indent, 0.5rem);
    }
    .row.group > [role='rowheader'] {
      grid-column: 1 / -1;
      position: static;
      background: var(--_group);
      font-weight: 600;
    }
    .row.group > [role='rowheader'] > span {
      position: sticky;
      left: 0.5rem;
    }
    .row.subtotal > * {
      background: var(--_subtotal);
      font-weight: 600;
    }
    .row.total > * {
      background: var(--_total);
      font-weight: 700;
    }
    .row > .zero {
      color: var(--_muted);
    }
    .row > .up {
      color: var(--_wy-danger);
    }
    .row > .down {
      /* Darker than the success token: it sits on the tinted total and subtotal rows too (WCAG 4.5:1). */
      color: var(--wy-complaint-stats-down-color, #116329);
    }
    .drill {
      all: unset;
      cursor: pointer;
      padding: 0 0.125rem;
      border-radius: 2px;
      text-decoration: underline dotted;
      text-underline-offset: 0.2em;
    }
    .drill:hover {
      color: var(--_wy-primary);
    }
    .drill:focus-visible {
      outline: 2px solid var(--_wy-focus);
      outline-offset: 1px;
    }
`;
