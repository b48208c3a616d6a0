// wuye-kit/workflow: the workflow runtime. Pure TypeScript, runs in Node and browsers.
// BrowserStore (IndexedDB) and HttpStore (REST) are exported here too; each lives in its own
// module under stores/, so a bundler drops the ones a host does not import.
export { transition, startInstance, fireTimer, payloadBytes, SYSTEM_ACTOR, MAX_PAYLOAD_BYTES } from './transition.js';
export type { TransitionOptions, StartInput as StartInstanceInput } from './transition.js';
export { createEngine, startInstanceId, UnknownInstanceError, UnknownDefinitionError } from './engine.js';
export type { Engine, EngineOptions, EngineChange, SendResult, Accepted as SendAccepted, TickResult, TickProblem, StartInput } from './engine.js';
export { availableActions } from './actions.js';
export type { AvailableAction } from './actions.js';
export { readClocks, pendingTimers } from './clocks.js';
export type { ClockReadout } from './clocks.js';
export { checkDefinition, loadDefinition, DefinitionError } from './definition.js';
export type { DefinitionReport, DefinitionProblem, ProblemCode } from './definition.js';
export { migrate, needsMigration, MigrationError } from './migrate.js';
export { fieldsSchema, validateFields, fieldNames } from './fields.js';
export { evaluate as evaluateLogic, estimateCost as estimateLogicCost, LogicError, LogicBudgetError, LOGIC_BUDGET } from './logic.js';
export { refusalMessage, clockLevelLabel, workflowMessages } from './messages.js';
export { MemoryStore, ConflictError, StoreError, checkCommit, changeOf, changeTypeOf, matchesQuery, byDue, byRecent } from './store.js';
export type { WorkflowStore, Commit, CommitResult, CommandRecord, MemoryStoreOptions, TimerPosition, StoreChange, ChangeType, InstanceQuery } from './store.js';
export { BrowserStore } from './stores/browser-store.js';
export type { BrowserStoreOptions } from './stores/browser-store.js';
export { HttpStore, HttpStoreError } from './stores/http-store.js';
export type { HttpStoreOptions, FetchLike } from './stores/http-store.js';
export { runStoreConformance } from './conformance.js';
export type { ConformanceReport, ConformanceCase } from './conformance.js';
export { builtinDefinitions } from './builtin.js';
export { childrenOf, parentOf, recordChild, childStarts, CHILDREN_FIELD, PARENT_FIELD } from './children.js';
export type { ChildrenSummary, ChildRecord, ParentLink } from './children.js';
export { registerDataSchema, ensureDataSchema, knownDataSchema } from './data-schemas.js';
export type {
  WorkflowDefinition,
  TransitionDef,
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
