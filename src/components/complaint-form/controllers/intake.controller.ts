// The complaint form's intake logic, loaded on demand (the element's entry is the class shell):
// the value the inner form starts from, the schema and layout it is built from (core/complaint/form.ts),
// where the complaint goes as the user types (core/complaint/routing.ts), and a safe submit
// (record number, completed record, the store with an idempotency key, nothing lost on failure).
import type { PropertyValues, ReactiveControllerHost } from 'lit';
import type { Complaint } from '../../../generated/types/complaint.js';
import type { GeneratedValidator } from '../../../generated/validator-types.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import { defaultRoutingRules, routeComplaint, type RoutingDecision, type RoutingRules } from '../../../core/complaint/routing.js';
import { completeComplaint, startIntake } from '../../../core/complaint/intake.js';
import { fallbackRecordNumber } from '../../../core/complaint/record-number.js';
import { complaintFormSchema, intakeUiSchema, intakeValidator, readUiSchema, usableOffices } from '../../../core/complaint/form.js';
import type { ComplaintFormData } from '../../../core/complaint/form-data.js';
import type { JsonSchema } from '../../../core/form/types.js';
import type { UiSchema } from '../../../core/form/ui.js';
import type { WySchemaForm, WySubmitEvent } from '../../schema-form/schema-form.component.js';
import type { Actor } from '../../shared/context.js';
import { dispatchRenamed } from '../../shared/events.js';
import { WyComplaintSaveEvent, WyComplaintSaveFailEvent } from '../complaint-form.events.js';
import type { ComplaintDraft, ComplaintOffice, ComplaintStore, RecordNumberHook } from '../complaint-form.types.js';
import { msg } from '../intake.messages.js';
import { msg as shellMsg } from '../complaint-form.messages.js';

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const routeKey = (d: RoutingDecision) => `${d.unit}|${d.reason}|${d.department ?? ''}`;
const readTitles = () => ({
  record: { 'zh-CN': msg('zh-CN', 'recordGroup'), en: msg('en', 'recordGroup') },
  handling: { 'zh-CN': msg('zh-CN', 'handlingGroup'), en: msg('en', 'handlingGroup') },
});

/** A failure the element explains itself (no actor, a bad record number, an incomplete record). */
class IntakeError extends Error {}

/** The element's public properties the intake reads. */
export interface IntakeHost extends ReactiveControllerHost, HTMLElement {
  readonly value?: Readonly<Rec> | undefined;
  readonly readonly: boolean;
  readonly routingRules?: RoutingRules | undefined;
  readonly recordNumber?: RecordNumberHook | undefined;
}

/** What only the element knows (its context consumers, inner form, announcer, loaded modules). */
export interface IntakePorts {
  actor(): Actor | undefined;
  store(): ComplaintStore | undefined;
  /** The offices given (property, else the provider's reference data), unchecked. */
  offices(): readonly ComplaintOffice[] | undefined;
  form(): WySchemaForm | undefined;
  data(): ComplaintFormData | undefined;
  loadData(): Promise<ComplaintFormData>;
  locale(): Locale;
  announce(text: string): void;
  /** Shows the record's first receiver and number in the header. */
  showHeader(v: Rec, assignedNo: string | undefined): void;
  /** The element's `wy-submit` (the inner form's event class). */
  submitEvent(record: Rec): WySubmitEvent;
}

/** Intake state and actions of one <wy-complaint-form>. */
export class IntakeController {
  phase: 'idle' | 'saving' | 'saved' | 'failed' = 'idle';
  failure = '';
  savedNo = '';
  /** Where the complaint goes and why (the routing rule), shown to everyone, not only announced. */
  route?: RoutingDecision;
  /** The value handed to the inner form (changes only when the host sets one, or after a save). */
  intake: Rec = {};
  schema?: JsonSchema;
  ui?: UiSchema;
  /**
   * Bumped when the schema or layout changes after the first render: <wy-schema-form> is then
   * made anew, because its field registry does not survive a rebuild on the same elements.
   */
  formKey = 0;
  private builtFor: unknown[] = [];
  private builtData?: ComplaintFormData;
  private checkFor?: [GeneratedValidator<unknown>, GeneratedValidator<unknown>];
  /** The record number given to this record: kept so a retry sends the same one. */
  private assignedNo?: string | undefined;
  private lastRoute = '';
  private saving?: Promise<boolean> | undefined;
  private officesSource?: readonly ComplaintOffice[] | undefined;
  /** The intake value has been made (from `value`, or blank) at least once. */
  private started = false;

  constructor(
    private readonly host: IntakeHost,
    private readonly ports: IntakePorts,
  ) {}

  /** The host's routing table, else the shipped one. */
  private get rules(): RoutingRules {
    return this.host.routingRules ?? defaultRoutingRules;
  }

  /** What the inner form validates with (core's `intakeValidator` over the shipped validator). */
  get check(): GeneratedValidator<unknown> | undefined {
    const v = this.ports.data()?.validator;
    if (!v) return undefined;
    if (this.checkFor?.[0] !== v) this.checkFor = [v, intakeValidator(v)];
    return this.checkFor[1];
  }

  /** The host's `willUpdate`: a new intake value, schema, layout and route when their inputs changed. */
  willUpdate(changed: PropertyValues): void {
    const host = this.host;
    const fresh = changed.has('value') || changed.has('readonly') || !this.started;
    if (fresh) {
      this.started = true;
      this.intake = host.readonly ? { ...(host.value ?? {}) } : startIntake(host.value ?? {}, { actor: this.ports.actor() });
      this.assignedNo = undefined;
      this.ports.showHeader(this.intake, undefined);
    }
    const source = this.ports.offices();
    const data = this.ports.data();
    const inputsChanged = fresh || changed.has('routingRules') || source !== this.officesSource || data !== this.builtData;
    this.officesSource = source;
    if (data && inputsChanged) this.build(data, usableOffices(source), changed.has('value') || changed.has('readonly'));
    if (fresh || !this.lastRoute) {
      this.route = routeComplaint(this.intake, this.rules);
      this.lastRoute = routeKey(this.route);
    }
  }

  /** The schema and layout for the inner form (core/complaint/form.ts), when an input changed. */
  private build(data: ComplaintFormData, offices: readonly ComplaintOffice[], hostValue: boolean): void {
    this.builtData = data;
    const readonly = this.host.readonly;
    const schema = complaintFormSchema(data.schema, offices, this.intake);
    const key = [JSON.stringify(schema), readonly, this.rules];
    if (!key.some((k, i) => k !== this.builtFor[i])) return;
    // A new schema for a form that is already there (offices arrived, a host value with an
    // unknown office): the inner form is made anew (see the view), carrying what was typed.
    const form = this.ports.form();
    if (this.builtFor.length && form && !hostValue) this.intake = { ...(form.value as Rec) };
    if (this.builtFor.length) this.formKey++;
    this.builtFor = key;
    this.schema = schema;
    this.ui = readonly ? readUiSchema(data.ui, readTitles()) : intakeUiSchema(data.ui, data.intake, offices, this.rules);
  }

  /** Validates, completes and submits (through the store when there is one). */
  async requestSubmit(): Promise<boolean> {
    if (this.saving) return this.saving;
    const form = this.ports.form();
    if (!form) return false;
    const ok = await form.requestSubmit();
    if (!ok) return false;
    return (await this.saving) ?? false;
  }

  /** The inner form's `wy-change`: header, route (announced when it changes), a saved notice goes. */
  readonly onChange = (e: Event): void => {
    const value = (e as CustomEvent<{ value: unknown }>).detail?.value;
    if (!isObj(value)) return;
    this.ports.showHeader(value, this.assignedNo);
    const d = routeComplaint(value, this.rules);
    const key = routeKey(d);
    if (key !== this.lastRoute || !this.route) this.route = d;
    if (this.lastRoute && key !== this.lastRoute) {
      const l = this.ports.locale();
      this.ports.announce(msg(l, 'routedTo', { unit: pick(d.unitLabel, l) ?? d.unit, reason: pick(d.reasonLabel, l) ?? d.reason }));
    }
    this.lastRoute = key;
    if (this.phase === 'saved') this.phase = 'idle';
    this.host.requestUpdate();
  };

  readonly onSubmitClick = (): void => {
    if (this.phase === 'saving') return;
    void this.requestSubmit();
  };

  /** The inner form's `wy-submit` carries the user's part only: the element's carries the complete record. */
  readonly onInnerSubmit = (e: Event): void => {
    e.stopPropagation();
    const value = (e as WySubmitEvent).detail.value;
    if (this.saving) return;
    this.saving = this.save(isObj(value) ? value : {}).finally(() => (this.saving = undefined));
  };

  private set(phase: IntakeController['phase'], failure = ''): void {
    this.phase = phase;
    this.failure = failure;
    this.host.requestUpdate();
  }

  private async save(draft: Rec): Promise<boolean> {
    const { host, ports } = this;
    const l = ports.locale();
    this.set('saving');
    const store = ports.store();
    let record: Rec = draft;
    try {
      const recordNo = await this.numberFor(draft, store);
      const done = completeComplaint(draft, { actor: ports.actor(), recordNo, rules: this.rules });
      record = done.record;
      if (done.gaps.includes('firstReceiver')) throw new IntakeError(msg(l, 'noActor'));
      const data = ports.data() ?? (await ports.loadData());
      const { recordProblems } = await loadRecordCheck();
      const problems = recordProblems(data.validator, data.schema, record, l);
      if (problems.length) throw new IntakeError(msg(l, 'invalidRecord', { problems: problems.join('；') }));
      ports.showHeader(record, this.assignedNo);
      const ev = ports.submitEvent(record);
      host.dispatchEvent(ev);
      if (ev.defaultPrevented || !store) {
        this.set('idle');
        ports.announce(msg(l, 'submitted', { recordNo: String(record['recordNo']) }));
        return true;
      }
      const meta = record['meta'] as Rec;
      const result = await store.submitComplaint(record as unknown as Complaint, { idempotencyKey: String(meta['idempotencyKey']) });
      await ports.form()?.clearDraft();
      this.savedNo = String(record['recordNo']);
      this.set('saved');
      ports.announce(msg(l, 'saved', { recordNo: this.savedNo }));
      dispatchRenamed(host, new WyComplaintSaveEvent(record as unknown as Complaint, result), 'wy-complaint-saved');
      // A new intake starts blank (with a new idempotency key); an edited record stays shown.
      const next = host.value && typeof host.value['recordNo'] === 'string' ? record : startIntake({}, { actor: ports.actor() });
      this.assignedNo = undefined;
      this.intake = next;
      this.lastRoute = '';
      ports.showHeader(next, undefined);
      host.requestUpdate();
      return true;
    } catch (err) {
      const reason = err instanceof Error && err.message ? err.message : shellMsg(l, 'failedUnknown');
      this.set('failed', err instanceof IntakeError ? reason : msg(l, 'failed', { reason }));
      const fieldErrors =
        isObj(err) && Array.isArray(err['errors'])
          ? (err['errors'] as unknown[]).filter((x): x is { path: string; message: string } => isObj(x) && typeof x['path'] === 'string' && typeof x['message'] === 'string')
          : [];
      if (fieldErrors.length) ports.form()?.setErrors(fieldErrors);
      dispatchRenamed(host, new WyComplaintSaveFailEvent(record, err), 'wy-complaint-save-failed');
      return false;
    }
  }

  /** The record's number: its own, the one given on an earlier try, the host's, or the fallback. */
  private async numberFor(draft: Rec, store: ComplaintStore | undefined): Promise<string> {
    if (typeof draft['recordNo'] === 'string' && draft['recordNo']) return draft['recordNo'];
    if (this.assignedNo) return this.assignedNo;
    const hook = this.host.recordNumber ?? (store?.recordNumber ? (d: ComplaintDraft) => store.recordNumber!(d) : undefined);
    const no = hook ? await hook(draft) : fallbackRecordNumber(draft);
    if (typeof no !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$/.test(no)) throw new IntakeError(msg(this.ports.locale(), 'badRecordNo', { recordNo: String(no) }));
    this.assignedNo = no;
    return no;
  }
}

/** The complete record's check (core/complaint/record-problems.ts), with the validation messages it carries. */
export const loadRecordCheck = () => import('../../../core/complaint/record-problems.js');
