import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** The properties a form gives each field element (what `WyFieldBase` and its widgets read). */
export type FieldProps = Readonly<Record<string, unknown>> & {
  /** Columns the field spans in a multi-column group (set through CSSOM: no inline style attribute). */
  readonly span?: number | undefined;
};

/**
 * Sets a field element's properties from one binding instead of one binding each: a form with
 * hundreds of fields creates a few parts per field, not two dozen, and a property is assigned only
 * when it differs from what the element already holds (an element's defaults are not set again).
 * Like a property binding, it compares with the value it set last time, so a field the form
 * updated directly on a keystroke is not overwritten by an unchanged re-render.
 * @internal
 */
class FieldPropsDirective extends Directive {
  private last: Record<string, unknown> = {};

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('fieldProps() belongs on an element');
  }

  render(_props: FieldProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [FieldProps]): unknown {
    const el = part.element as unknown as Record<string, unknown>;
    for (const key of Object.keys(props)) {
      const v = props[key];
      if (key === 'span') {
        if (v !== this.last[key] && part.element instanceof HTMLElement) part.element.style.gridColumn = typeof v === 'number' ? `span ${v}` : '';
      } else if (v !== this.last[key] && el[key] !== v) {
        el[key] = v;
      }
      this.last[key] = v;
    }
    return noChange;
  }
}

export const fieldProps = directive(FieldPropsDirective);
