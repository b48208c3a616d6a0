import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { periodStyles } from '../shared/period.styles.js';

export const styles = [
  baseStyles,
  periodStyles,
  css`
    :host {
      display: block;
      --_border: var(--wy-complaint-stats-border-color, var(--_wy-border));
      --_surface: var(--wy-complaint-stats-background, var(--_wy-surface));
      --_head: var(--wy-complaint-stats-header-background, var(--_wy-surface-alt));
      --_group: var(--wy-complaint-stats-group-background, #e9eef5);
      --_subtotal: var(--wy-complaint-stats-subtotal-background, #f6f8fa);
      --_total: var(--wy-complaint-stats-total-background, #e4eaf2);
      --_bar: var(--wy-complaint-stats-bar-color, var(--_wy-primary));
      --_muted: var(--_wy-muted);
      --_row-h: var(--wy-complaint-stats-row-height, 2.25rem);
      --_height: var(--wy-complaint-stats-height, 30rem);
    }
    [part='base'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_wy-space-m);
    }
    [part='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_wy-space-s);
    }
    [part='caption'] {
      flex: 1 1 auto;
      margin: 0;
      font-size: 1.05em;
      font-weight: 600;
    }
    button.action {
      font: inherit;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_wy-radius);
      background: var(--_surface);
      color: inherit;
      cursor: pointer;
    }
    button.action:hover {
      background: var(--_head);
    }
    [part='notice'] {
      margin: 0;
      color: var(--_muted);
    }
    [part='error'] {
      margin: 0;
      padding: var(--_wy-space-s) var(--_wy-space-m);
      border: 1px solid var(--_wy-danger);
      border-radius: var(--_wy-radius);
      background: var(--_wy-danger-surface);
      color: var(--_wy-danger);
    }
    .layout {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: var(--_wy-space-l);
    }
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

    /* The paper form (print view). */
    [part~='form'] {
      color: #000;
      background: #fff;
    }
    [part~='form'] h1 {
      margin: 0 0 0.5rem;
      font-size: 1.4em;
      text-align: center;
      letter-spacing: 0.1em;
    }
    .form-meta {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1.5rem;
      margin: 0 0 0.5rem;
    }
    .form-meta div {
      display: flex;
      gap: 0.25em;
    }
    .form-meta dt::after {
      content: '：';
    }
    :host(:lang(en)) .form-meta dt::after {
      content: ':';
    }
    .form-meta dd {
      margin: 0;
    }
    table.paper {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    table.paper th,
    table.paper td {
      border: 1px solid #000;
      padding: 0.2rem 0.35rem;
      text-align: right;
    }
    table.paper thead th {
      text-align: center;
      font-weight: 600;
    }
    table.paper tbody th {
      text-align: left;
      font-weight: normal;
    }
    table.paper tr.group th {
      font-weight: 600;
    }
    table.paper tr.subtotal,
    table.paper tr.total {
      font-weight: 700;
    }
    table.paper tr.subtotal th,
    table.paper tr.total th {
      font-weight: 700;
    }
    .signatures {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2.5rem;
      margin-top: 1rem;
    }
    .signatures span.line {
      display: inline-block;
      min-width: 6em;
      border-bottom: 1px solid #000;
    }
    @media print {
      [part='toolbar'],
      [part='chart'] {
        display: none;
      }
      table.paper thead {
        display: table-header-group;
      }
      table.paper tr {
        break-inside: avoid;
      }
    }
  `,
];
