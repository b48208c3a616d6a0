// <wy-schema-form>'s wizard: the step shown, "next" (only when the step's fields are valid, else
// their errors and the summary), "back", and showing the step that holds a field.
import type { Layout } from '../../core/form/ui.js';
import { stepOf, inStep } from '../../core/form/view.js';
import type { ValidationController } from './validation-controller.js';
import { focusSummary } from './form-focus.js';
import { deepActiveElement, focusMovedFrom } from '../shared/focus.js';

/** What the wizard reads from its form. */
export interface WizardHost {
  readonly layout: Layout | undefined;
  /** Pointers of the field elements on screen. */
  readonly fieldPaths: Iterable<string>;
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

export class WizardController {
  private current = 0;

  constructor(
    private readonly host: WizardHost,
    private readonly validation: ValidationController,
  ) {}

  /** Index of the step shown. */
  get step(): number {
    return this.current;
  }
  set step(i: number) {
    if (i === this.current) return;
    this.current = i;
    this.host.requestUpdate();
  }

  /** Shows the step holding the field at `path` (when it is another), rendered. */
  async reveal(path: string): Promise<void> {
    const idx = this.host.layout ? stepOf(this.host.layout, path) : undefined;
    if (idx !== undefined && idx >= 0 && idx !== this.current) {
      this.step = idx;
      await this.host.updateComplete;
    }
  }

  /** To the next step when this one's fields are valid; else their errors show and the summary takes focus. */
  readonly next = async (): Promise<void> => {
    // Focus moves after the check (the summary, or the next step's first field) unless the user has moved on meanwhile.
    const focused = deepActiveElement();
    const layout = this.host.layout!;
    const step = layout.steps[this.current]!;
    const here = (p: string) => inStep(layout, this.current, p);
    const touched = this.validation.touched;
    for (const g of step.groups) for (const f of g.fields) touched.add(f);
    for (const p of this.host.fieldPaths) if (here(p)) touched.add(p);
    const all = await this.validation.computeErrors();
    const errors = all.filter((e) => here(e.path));
    this.validation.showErrors(all);
    this.validation.summary = errors;
    if (errors.length) {
      await this.host.updateComplete;
      if (!focusMovedFrom(focused)) focusSummary(this.host.renderRoot);
      return;
    }
    this.step = this.current + 1;
    await this.host.updateComplete;
    if (!focusMovedFrom(focused)) this.host.renderRoot.querySelector<HTMLElement>('.field:not([hidden])')?.focus();
  };

  readonly back = (): void => {
    this.step = Math.max(0, this.current - 1);
    this.validation.summary = [];
  };
}
