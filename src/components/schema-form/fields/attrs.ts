import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** An attribute's value: text sets it, `true` sets it empty, `false`/`undefined`/`null` removes it. */
export type AttrValue = string | number | boolean | undefined | null;

/**
 * Sets a control's attributes from one binding instead of a binding each (a form's hundreds of
 * inputs create one part each, not a dozen), touching only those that changed since the last
 * render — what Lit's attribute and `?boolean` bindings do, one at a time.
 * @internal
 */
class AttrsDirective extends Directive {
  private last: Record<string, AttrValue> = {};

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attrs() belongs on an element');
  }

  render(_attrs: Readonly<Record<string, AttrValue>>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [attrs]: [Readonly<Record<string, AttrValue>>]): unknown {
    const el = part.element;
    for (const name of Object.keys(attrs)) {
      const v = attrs[name];
      const was = this.last[name];
      this.last[name] = v;
      const off = v === undefined || v === null || v === false;
      if (v === was || (off && (was === undefined || was === null || was === false))) continue;
      if (off) el.removeAttribute(name);
      else el.setAttribute(name, v === true ? '' : String(v));
    }
    return noChange;
  }
}

export const attrs = directive(AttrsDirective);
