// wuye-kit: every public class, function and type. Importing this registers no element;
// import `wuye-kit/define.js` (all) or `wuye-kit/components/<name>.js` (one) for that.
export * from './core/index.js';

// Elements and their building blocks.
export { WyEvent, WyChangeEvent } from './components/shared/events.js';
export { WyPeriodChangeEvent } from './components/shared/period-event.js';
export type { PeriodChangeDetail } from './components/shared/period-event.js';
export { actorContext, engineContext, localeContext, referenceContext, storeContext } from './components/shared/context.js';
export type { Actor, ReferenceData } from './components/shared/context.js';
export { LocalizeController } from './components/shared/localize-controller.js';
export { WyErrorSummary, WyErrorSelectEvent } from './components/error-summary/error-summary.component.js';
export { WyKitProvider } from './components/kit-provider/kit-provider.component.js';
export { WySchemaForm, WySubmitEvent, WyInvalidEvent, WyErrorEvent } from './components/schema-form/schema-form.component.js';
export type { ErrorDisplay, AsyncValidator, FormChangeDetail } from './components/schema-form/schema-form.component.js';
export { WyFieldBase } from './components/schema-form/fields/field-base.js';
export { WyTextField, WyPhoneField, WyNumberField, WyDateField, WyDateTimeField, WyTextareaField } from './components/schema-form/fields/text-fields.js';
export { WySelectField, WyRadioField, WyCheckboxField, WyMultiSelectField } from './components/schema-form/fields/choice-fields.js';
export { WyObjectField, WyArrayField } from './components/schema-form/fields/group-fields.js';
export { WyFileField } from './components/schema-form/fields/file-field.js';
export type { AttachmentRef } from './components/schema-form/fields/file-field.js';
export { registerWidget, pickWidget } from './components/schema-form/registry.js';
export type { WidgetTester } from './components/schema-form/registry.js';
export { localStorageDrafts, clearDrafts, isDraftExpired, DEFAULT_DRAFT_MAX_AGE_DAYS } from './components/schema-form/drafts.js';
export type { Draft, DraftStore } from './components/schema-form/drafts.js';
export type { Uploader, UploadedFile } from './components/shared/uploader.js';
export { WyDefectChecklist } from './components/defect-checklist/defect-checklist.component.js';
export type { DefectChecklistView, DefectChecklistMode, DefectPhotoUpload } from './components/defect-checklist/defect-checklist.component.js';
export { WyDefectCloseEvent, WyEntryCompleteEvent, WyOwnerDecideEvent, WyDefectItemCloseEvent, WyOwnerDecisionEvent, defectChangeEvent } from './components/defect-checklist/defect-checklist.events.js';
export type { DefectChangeDetail } from './components/defect-checklist/defect-checklist.events.js';
export { WyWorkflowPanel, WyTransitionEvent } from './components/workflow-panel/workflow-panel.component.js';
export type { TransitionDetail } from './components/workflow-panel/workflow-panel.component.js';
export { WyDeductionCalculator } from './components/deduction-calculator/deduction-calculator.component.js';
export type { DeductionChangeDetail } from './components/deduction-calculator/deduction-calculator.component.js';
export { WyComplaintForm, WyComplaintSaveEvent, WyComplaintSaveFailEvent, WyComplaintSavedEvent, WyComplaintSaveFailedEvent } from './components/complaint-form/complaint-form.component.js';
export type { ComplaintStore, ComplaintDraft, RecordNumberHook, ComplaintOffice } from './components/complaint-form/complaint-form.component.js';
export { WyComplaintStats, WyStatsCellSelectEvent } from './components/complaint-stats/complaint-stats.component.js';

// The workflow runtime (also its own entry point, wuye-kit/workflow). Named one by one: the
// workflow's Actor has the same shape as the context Actor above.
export {
  createEngine,
  transition,
  startInstance,
  fireTimer,
  availableActions,
  readClocks,
  pendingTimers,
  checkDefinition,
  loadDefinition,
  DefinitionError,
  migrate,
  needsMigration,
  MigrationError,
  fieldsSchema,
  validateFields,
  refusalMessage,
  clockLevelLabel,
  MemoryStore,
  BrowserStore,
  RemoteEngine,
  RemoteEngineError,
  ConflictError,
  StoreError,
  runStoreConformance,
  builtinDefinitions,
  UnknownInstanceError,
  UnknownDefinitionError,
  SYSTEM_ACTOR,
  childrenOf,
  parentOf,
  recordChild,
} from './workflow/index.js';
export type {
  Engine,
  EngineOptions,
  EngineChange,
  SendResult,
  TickResult,
  AvailableAction,
  ClockReadout,
  DefinitionReport,
  DefinitionProblem,
  WorkflowStore,
  Commit,
  CommitResult,
  WorkflowDefinition,
  Snapshot,
  AuditEntry,
  Timer,
  Effect,
  Refusal,
  RefusalCode,
  WorkflowEvent,
  RemoteEngineOptions,
  InstanceView,
  InstanceSummary,
  RemoteInstanceQuery,
  BrowserStoreOptions,
  ConformanceReport,
  ChildrenSummary,
  ChildRecord,
  ParentLink,
} from './workflow/index.js';
