// wuye-kit/workflow: the workflow runtime. Pure TypeScript, runs in Node and browsers.
// BrowserStore (IndexedDB) and RemoteEngine (a wuye-kit/server over HTTP) are exported here too;
// each lives in its own module, so a bundler drops the ones a host does not import.
export { transition, startInstance, fireTimer, payloadBytes, SYSTEM_ACTOR, MAX_PAYLOAD_BYTES } from './transition.js';
export type { TransitionOptions, StartInput as StartInstanceInput } from './transition.js';
export { createEngine, startInstanceId, UnknownInstanceError, UnknownDefinitionError } from './engine.js';
export type { Engine, EngineOptions, EngineChange, SendResult, Accepted as SendAccepted, TickResult, TickProblem, StartInput } from './engine.js';
export { availableActions, actionRefusals } from './actions.js';
export {
  actionDefaults,
  checkTimes,
  timeRulesOf,
  shanghaiMinute,
  eventUiSchema,
  personChoices,
  withPersonChoices,
  contractorChoices,
  pickerChoices,
  pickerOf,
  withPickers,
} from './action-defaults.js';
export type { StaffMember, PersonChoice, PickerSpec, PickerLists, ContractorEntry } from './action-defaults.js';
export { panelView, headerView, stepsView, actionsView, refusalsOf, clockCards, auditView, payloadView, stateTitle, roleTitle, eventTitle } from './panel-view.js';
export type {
  PanelView,
  PanelViewInput,
  HeaderView,
  StepView,
  RefusalView,
  ActionItemView,
  ActionsView,
  ClockCardView,
  AuditWhat,
  AuditValueView,
  AuditEffectView,
  AuditLineView,
} from './panel-view.js';
export type { AvailableAction, ActionRefusal } from './actions.js';
export { readClocks, pendingTimers } from './clocks.js';
export type { ClockReadout } from './clocks.js';
export { checkDefinition, loadDefinition, DefinitionError } from './definition.js';
export type { DefinitionReport, DefinitionProblem, ProblemCode } from './definition.js';
export { migrate, needsMigration, MigrationError } from './migrate.js';
export { fieldsSchema, validateFields, fieldNames } from './fields.js';
export { evaluate as evaluateLogic, estimateCost as estimateLogicCost, LogicError, LogicBudgetError, LOGIC_BUDGET } from './logic.js';
export { refusalMessage, refusalText, clockLevelLabel, workflowMessages } from './messages.js';
export { MemoryStore, ConflictError, StoreError, checkCommit, changeOf, changeTypeOf, matchesQuery, byDue, byRecent } from './store.js';
export type { WorkflowStore, Commit, CommitResult, CommandRecord, MemoryStoreOptions, TimerPosition, StoreChange, ChangeType, InstanceQuery } from './store.js';
export { BrowserStore } from './stores/browser-store.js';
export type { BrowserStoreOptions } from './stores/browser-store.js';
export { RemoteEngine, RemoteEngineError } from './remote-engine.js';
export type { RemoteEngineOptions, RemoteFetch, RemoteResponse, InstanceView, InstanceSummary, RemoteInstanceQuery, FeedChange } from './remote-engine.js';
export { runStoreConformance } from './conformance.js';
export type { ConformanceReport, ConformanceCase } from './conformance.js';
export { builtinDefinitions } from './builtin.js';
export { childrenOf, parentOf, recordChild, childStarts, pendingStarts, CHILDREN_FIELD, PARENT_FIELD, CHILDREN_RESUME_AFTER_MS } from './children.js';
export type { ChildrenSummary, ChildRecord, ParentLink, PendingStart } from './children.js';
export { registerDataSchema, ensureDataSchema, knownDataSchema } from './data-schemas.js';
export type {
  WorkflowDefinition,
  TransitionDef,
  TimeRule,
  StateDef,
  RoleDef,
  ClockDef,
  EffectDef,
  EscalationStep,
  MigrationDef,
  Actor,
  Person,
  Snapshot,
  ClockState,
  Effect,
  AuditEntry,
  AuditKind,
  Timer,
  TimerKind,
  Refusal,
  RefusalCode,
  Accepted,
  TransitionResult,
  WorkflowEvent,
} from './types.js';
