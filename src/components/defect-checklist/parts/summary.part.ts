import type { TemplateResult } from 'lit';
import type { OwnerDecisionError, OwnerDecisionInput } from '../../../core/defects/owner-decision.js';
import { checklistCounts } from '../../../core/defects/counts.js';
import { WyOwnerDecideEvent } from '../defect-checklist.events.js';
import type { ChecklistHost } from '../checklist-host.js';
import { lazyModules } from '../controllers/lazy.js';
import { renderSummaryView, styles as summaryViewStyles } from '../views/summary.view.js';
import type { ViewContext } from '../views/view-context.js';

/**
 * The summary view (验房总结) and, at move-in, the owner's decision (是否收房) wired in: its
 * draft and errors, the rule (`checkOwnerDecision`, arriving with the decision module loaded on
 * demand), focus on the first field in error, `wy-owner-decide` once recorded.
 */
export class SummaryPart {
  private draft: OwnerDecisionInput = {};
  private errors: Readonly<Partial<Record<'decision' | 'reason' | 'signature', OwnerDecisionError>>> = {};
  private editing = false;

  constructor(private readonly host: ChecklistHost) {}

  private change(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  /** Whether the actor may record the owner's decision (the rule arrives with the decision module). */
  private get canDecide(): boolean {
    const h = this.host;
    return !!lazyModules.decision.value?.canDecideOwner(h.actor, { readonly: h.readonly, mode: 'move-in' });
  }

  render(c: ViewContext): TemplateResult {
    const h = this.host;
    const decision = h.mode === 'move-in' ? h.need(lazyModules.decision) : undefined;
    if (h.mode === 'move-in' && !decision) return h.pending();
    const part = decision
      ? decision.renderOwnerDecision(c, {
          decision: h.ownerDecision,
          editing: this.editing,
          canDecide: this.canDecide,
          open: checklistCounts(h.items, h.nowMs).open,
          draft: this.draft,
          errors: this.errors,
          onChange: (patch) =>
            this.change(() => {
              this.draft = { ...this.draft, ...patch };
              this.errors = {};
            }),
          onSubmit: (e) => this.onSubmit(e),
          onEdit: () => this.change(() => (this.editing = true)),
        })
      : '';
    return renderSummaryView(c, h.items, h.nowMs, part);
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const h = this.host;
    const rules = lazyModules.decision.value;
    if (!rules || !this.canDecide) return;
    const r = rules.checkOwnerDecision(this.draft, h.nowMs);
    if (!r.ok) {
      this.change(() => (this.errors = r.errors));
      void h.updateComplete.then(() => {
        const first = r.errors.decision ? 'input[name="decision"]' : r.errors.reason ? '#decision-reason' : '#decision-signature';
        h.renderRoot.querySelector<HTMLElement>(first)?.focus();
      });
      return;
    }
    const decision = r.decision;
    h.ownerDecision = decision;
    this.change(() => {
      this.editing = false;
      this.draft = {};
      this.errors = {};
    });
    h.say(rules.decisionLine(h.context(), decision));
    h.fire(new WyOwnerDecideEvent(decision), 'wy-owner-decision');
  }
}

/** Adopted by the element when the summary is shown. */
export const styles = summaryViewStyles;
