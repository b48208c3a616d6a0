import { css } from 'lit';

/** The paper form (print view). */
export const formStyles = css`
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
      table.paper thead {
        display: table-header-group;
      }
      table.paper tr {
        break-inside: avoid;
      }
    }
`;
