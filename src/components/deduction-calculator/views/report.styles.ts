import { css } from 'lit';
import { periodStyles } from '../../shared/period.styles.js';

/** Styles of the report (period controls, coverage, summary table and explanations), loaded with it. */
export const styles = [
  periodStyles,
  css`
    button.small {
      padding: 0 0.5em;
      font-size: 0.9em;
      white-space: nowrap;
    }
    table.details tbody th[scope='row'] {
      white-space: nowrap;
    }
    button[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_wy-on-primary);
      border-color: var(--_accent);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: start;
      color: var(--_muted);
      padding-block-end: 0.25em;
    }
    th,
    td {
      padding: 0.35em 0.6em;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }
    thead th {
      font-weight: 600;
      white-space: nowrap;
      background: var(--_stripe);
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .score {
      font-weight: 600;
    }
    button.expand {
      border: 0;
      background: none;
      padding: 0;
      font-weight: 600;
      text-align: start;
      color: var(--_accent);
    }
    .chevron {
      display: inline-block;
      width: 1.1em;
    }
    .capped {
      color: var(--_accent);
      font-size: 0.85em;
    }
    .stars {
      color: #b7791f;
      letter-spacing: -0.05em;
    }
    [part='details'] > td {
      background: var(--_stripe);
      padding: var(--_space) var(--_wy-space-m);
    }
    table.details th,
    table.details td {
      background: transparent;
      font-size: 0.95em;
    }
    tr.selected > * {
      background: var(--_changed);
    }
    .group-lines th {
      font-weight: 600;
    }
    ul.lines {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.15em;
    }
    .pts {
      display: inline-block;
      min-width: 3.5em;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    code {
      font-size: 0.8em;
      color: var(--_muted);
      margin-inline: 0.3em;
    }
    .inputs {
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part='total'] > * {
      font-weight: 600;
      border-top: 2px solid var(--_border);
    }
    @media print {
      button.small {
        display: none;
      }
    }
  `,
];
