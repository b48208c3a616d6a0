import { html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { WyFieldBase, REQUIRED_MARK } from './field-base.js';
import { fieldStyles, groupBodyStyles } from './field.styles.js';
import { msg } from '../messages.js';
import { escapeKey, getAt } from '../../../core/form/pointer.js';
import { pick } from '../../../core/i18n/locale.js';


/**
 * @tag wy-object-field
 * @summary A group of fields for a nested object, in a fieldset with its label as legend.
 * Renders its children through the enclosing <wy-schema-form>.
 * @csspart field - The fieldset.
 * @csspart field-label - The legend.
 * @csspart field-error - An error about the object as a whole.
 */
export class WyObjectField extends WyFieldBase {
  static override lightInForm = true;
  static override styles: CSSResultGroup = [...fieldStyles, groupBodyStyles];

  protected override isEmpty(): boolean {
    const v = this.host && this.path ? getAt(this.host.engine.value, this.path) : this.value;
    return v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
  }
  protected override formValue(): string | null {
    return null; // the enclosing form submits the whole value
  }
  protected override get ownLabel(): boolean {
    return true;
  }
  protected renderControl(): TemplateResult {
    const field = this.host?.engine.fieldAt(this.path);
    const children = (field?.children ?? []).map((c) => this.host!.renderField(`${this.path}/${escapeKey(c.key)}`));
    if (!this.label) return html`<div class="fields-group bare" part="control" id=${this.ids.control}>${children}</div>`;
    return html`<fieldset class="fields-group" part="control" id=${this.ids.control} aria-describedby=${this.describedBy() || nothing}>
      <legend part="field-label">${this.label}</legend>
      ${children}
    </fieldset>`;
  }
  override render() {
    if (this.readonly) {
      const field = this.host?.engine.fieldAt(this.path);
      return html`<div part="field" class="read-group">
        <div part="field-label" class="title">${this.label}</div>
        ${(field?.children ?? []).map((c) => this.host!.renderField(`${this.path}/${escapeKey(c.key)}`))}
      </div>`;
    }
    return super.render();
  }
}

/**
 * @tag wy-array-field
 * @summary A list of items (objects or values): add, remove, move up and down, all by keyboard.
 * @fires input - When an item is added, removed or moved.
 * @fires change - When an item is added, removed or moved.
 * @csspart field - The fieldset.
 * @csspart field-label - The legend.
 * @csspart item - One item.
 * @csspart add-button - The add button.
 */
export class WyArrayField extends WyFieldBase {
  static override lightInForm = true;
  static override styles: CSSResultGroup = [...fieldStyles, groupBodyStyles];
  /** Bounds from the schema (minItems/maxItems). */
  @property({ type: Number, attribute: 'min-items' }) minItems = 0;
  @property({ type: Number, attribute: 'max-items' }) maxItems: number = Number.POSITIVE_INFINITY;

  // Stable keys per item so moving an item moves its DOM (and focus), not just its values.
  private keys: number[] = [];
  private nextKey = 0;

  protected override get ownLabel(): boolean {
    return true;
  }
  protected override formValue(): string | null {
    return Array.isArray(this.value) && this.value.length ? JSON.stringify(this.value) : null;
  }
  /** Current items: from the form's value (children edit it directly), else our own value. */
  private get items(): unknown[] {
    const v = this.host && this.path ? getAt(this.host.engine.value, this.path) : this.value;
    return Array.isArray(v) ? (v as unknown[]) : [];
  }
  private syncKeys(): void {
    while (this.keys.length < this.items.length) this.keys.push(this.nextKey++);
    this.keys.length = this.items.length;
  }

  private change(next: unknown[], focusIndex?: number, focusAction?: string): void {
    this.value = next;
    this.host?.commit(this.path, next);
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    if (focusIndex !== undefined) {
      void this.updateComplete.then(() => {
        const bar = this.renderRoot.querySelectorAll<HTMLElement>('.item-bar')[focusIndex];
        (bar?.querySelector<HTMLElement>(`[data-action="${focusAction}"]:not([disabled])`) ?? bar?.querySelector<HTMLElement>('button:not([disabled])'))?.focus();
      });
    }
  }

  private add(): void {
    const field = this.host?.engine.fieldAt(this.path);
    const blank = field?.item?.type === 'object' ? {} : undefined;
    this.syncKeys();
    this.keys.push(this.nextKey++);
    this.change([...this.items, blank], this.items.length);
  }
  private removeItem(i: number): void {
    this.syncKeys();
    this.keys.splice(i, 1);
    const next = this.items.filter((_, j) => j !== i);
    this.change(next);
    void this.updateComplete.then(() => {
      const bars = this.renderRoot.querySelectorAll<HTMLElement>('.item-bar');
      (bars[Math.min(i, bars.length - 1)]?.querySelector<HTMLElement>('button') ?? this.renderRoot.querySelector<HTMLElement>('[part="add-button"]'))?.focus();
    });
  }
  private move(i: number, by: number): void {
    const j = i + by;
    if (j < 0 || j >= this.items.length) return;
    this.syncKeys();
    const next = [...this.items];
    [next[i], next[j]] = [next[j], next[i]];
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    this.change(next, j, by < 0 ? 'up' : 'down');
  }

  protected renderControl(): TemplateResult {
    this.syncKeys();
    const l = this.lang_;
    const items = this.items;
    const field = this.host?.engine.fieldAt(this.path);
    const itemLabel = pick(field?.item?.label === '*' ? undefined : field?.item?.label, l);
    const off = this.isDisabled;
    return html`<fieldset class="fields-group" part="control" id=${this.ids.control} aria-describedby=${this.describedBy() || nothing}>
      <legend part="field-label">${this.label}${this.required ? REQUIRED_MARK : nothing}</legend>
      ${items.length === 0 ? html`<div class="empty">${msg(l, 'noItems')}</div>` : nothing}
      <ol class="items">
        ${repeat(
          items,
          (_, i) => this.keys[i],
          (_, i) => {
            const n = msg(l, 'item', { n: i + 1 });
            const name = itemLabel ? `${itemLabel} ${i + 1}` : n;
            return html`<li part="item" class="item">
              <div class="item-bar" role="group" aria-label=${name}>
                <span class="title">${name}</span>
                <button type="button" data-action="up" ?disabled=${off || i === 0} aria-label=${`${msg(l, 'moveUp')} ${name}`} @click=${() => this.move(i, -1)}>↑</button>
                <button type="button" data-action="down" ?disabled=${off || i === items.length - 1} aria-label=${`${msg(l, 'moveDown')} ${name}`} @click=${() => this.move(i, 1)}>↓</button>
                <button type="button" data-action="remove" ?disabled=${off || items.length <= this.minItems} @click=${() => this.removeItem(i)}>${msg(l, 'remove')}<span class="visually-hidden"> ${name}</span></button>
              </div>
              ${this.host ? this.host.renderField(`${this.path}/${i}`) : nothing}
            </li>`;
          },
        )}
      </ol>
      <div><button type="button" part="add-button" ?disabled=${off || items.length >= this.maxItems} @click=${this.add}>＋ ${msg(l, 'add')}${itemLabel ? ` ${itemLabel}` : ''}</button></div>
    </fieldset>`;
  }

  override render() {
    if (this.readonly) {
      const items = this.items;
      return html`<div part="field" class="read-group">
        <div part="field-label" class="title">${this.label}</div>
        ${items.length === 0 ? html`<div class="empty">${msg(this.lang_, 'empty')}</div>` : nothing}
        ${items.map((_, i) => (this.host ? this.host.renderField(`${this.path}/${i}`) : nothing))}
      </div>`;
    }
    return super.render();
  }
}
