import { css } from 'lit';
import { baseStyles } from '../../shared/base.styles.js';

// Notes on the rules below (kept out of the CSS text, which ships as written):
// - Block flow, not grid: a form has hundreds of these, and block layout is the cheapest.
// - No universal selectors: each rule is matched only against elements of its kind.
// - Block, not flex: one flex container per field made every label measure its content.

/**
 * The look of a field's markup, every rule under the field's `[part='field']` root. The same
 * sheet serves a field element on its own (in its shadow root) and `<wy-schema-form>`, whose
 * built-in fields render into the form's own tree (one style scope for the whole form, not one
 * per field). Colours and spacing read the private `--_wy-*` tokens of `baseStyles`; the public
 * `--wy-field-border-color` / `--wy-field-background` fall back to them.
 */
export const fieldBodyStyles = css`
  [part='field'] {
    display: block;
  }
  [part='field'] > [part='control'],
  [part='field'] > [part='field-help'],
  [part='field'] > [part='field-error'],
  [part='field'] > [part='field-counter'],
  [part='field'] > .pending {
    margin-block-start: var(--_wy-space-xs);
  }
  [part='field'] [part='field-label'] {
    font-weight: 500;
    display: block;
  }
  [part='field'] .req {
    color: var(--_wy-danger);
  }
  [part='field'] [part='field-label']:not(.choice) > .req {
    margin-inline-start: 0.25em;
  }
  [part='field'] input:not([type='checkbox']):not([type='radio']),
  [part='field'] select,
  [part='field'] textarea {
    display: block;
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--wy-field-border-color, var(--_wy-border));
    border-radius: var(--_wy-radius);
    background: var(--wy-field-background, var(--_wy-surface));
  }
  [part='field'] textarea {
    resize: vertical;
    min-height: 4.5rem;
  }
  [part='field'] input:focus-visible,
  [part='field'] select:focus-visible,
  [part='field'] textarea:focus-visible {
    outline: 2px solid var(--_wy-focus);
    outline-offset: 0;
    border-color: var(--_wy-focus);
  }
  [part='field'] [aria-invalid='true'] {
    border-color: var(--_wy-danger) !important;
  }
  [part='field'] input:disabled,
  [part='field'] select:disabled,
  [part='field'] textarea:disabled,
  [part='field'] button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [part='field'] [part='field-help'] {
    color: var(--_wy-muted);
    font-size: 0.9em;
  }
  [part='field'] [part='field-error'] {
    color: var(--_wy-danger);
    font-size: 0.9em;
  }
  [part='field'] [part='field-counter'] {
    color: var(--_wy-muted);
    font-size: 0.85em;
    text-align: end;
  }
  [part='field'] [part='field-counter'].over {
    color: var(--_wy-danger);
  }
  [part='field'] .pending {
    color: var(--_wy-muted);
    font-size: 0.85em;
  }
  [part='field'] .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_wy-space-xs) var(--_wy-space-m);
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  [part='field'] .choices legend {
    padding: 0;
    margin-bottom: var(--_wy-space-xs);
    font-weight: 500;
  }
  [part='field'] .choice {
    display: inline-flex;
    gap: 0.375em;
    align-items: center;
    min-height: 1.75rem;
  }
  [part='field'] input[type='checkbox'],
  [part='field'] input[type='radio'] {
    width: 1rem;
    height: 1rem;
    accent-color: var(--_wy-primary);
    margin: 0;
  }
  [part='field'] button {
    font: inherit;
    cursor: pointer;
    border: 1px solid var(--wy-field-border-color, var(--_wy-border));
    border-radius: var(--_wy-radius);
    background: var(--_wy-surface-alt);
    color: inherit;
    padding: 0.25rem 0.625rem;
    min-height: 2rem;
  }
  [part='field'] [part='read-value'] {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part='field'].read {
    display: grid;
    grid-template-columns: minmax(6em, max-content) 1fr;
    gap: var(--_wy-space-s);
    padding-block: 0.25rem;
    border-bottom: 1px dotted var(--wy-field-border-color, var(--_wy-border));
  }
  [part='field'].read [part='field-label'] {
    color: var(--_wy-muted);
    font-weight: 400;
  }
  @media print {
    [part='field'] input,
    [part='field'] select,
    [part='field'] textarea {
      border-color: #000;
    }
    [part='field'] button {
      display: none;
    }
  }
`;

/** Object and array fields: the group of nested fields and the list of items. */
export const groupBodyStyles = css`
  [part='field'] fieldset.fields-group {
    border: 1px solid var(--_wy-border);
    border-radius: var(--_wy-radius);
    padding: var(--_wy-space-m);
    margin: 0;
    min-width: 0;
    display: grid;
    gap: var(--_wy-space-m);
  }
  [part='field'] .fields-group.bare {
    display: grid;
    gap: var(--_wy-space-m);
  }
  [part='field'] fieldset.fields-group > legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  [part='field'] .items {
    display: grid;
    gap: var(--_wy-space-s);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='field'] .item {
    display: grid;
    gap: var(--_wy-space-s);
    border-inline-start: 3px solid var(--_wy-border);
    padding-inline-start: var(--_wy-space-s);
  }
  [part='field'] .item-bar {
    display: flex;
    gap: var(--_wy-space-xs);
    align-items: center;
    flex-wrap: wrap;
  }
  [part='field'] .item-bar .title {
    font-weight: 500;
    margin-inline-end: auto;
  }
  [part='field'] .empty {
    color: var(--_wy-muted);
  }
`;

/** A field element's own box (when it has a shadow root of its own). */
const fieldHostStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
`;

/** Everything a field element's own shadow root adopts. */
export const fieldStyles = [baseStyles, fieldHostStyles, fieldBodyStyles];
