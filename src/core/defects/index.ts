// Defect checklist core (内部验房 / 入伙验收): pure functions over plain data.
export {
  DEFECT_TRANSITIONS,
  DEFECT_ACTIONS,
  checkAction,
  defectActions,
  availableActions,
  applyAction,
  rejectionCount,
  lastFixer,
  canRecord,
  canAssign,
  assignDefects,
} from './transitions.js';
export type { DefectTransition, DefectDenyReason, DefectRuleContext, DefectActionCheck, ApplyOptions, ApplyResult, AssignOptions } from './transitions.js';
export { summariseDefects } from './summary.js';
export { inspectionStep, inspectionCounts, inspectionPrefill } from './inspection-step.js';
export type { InspectionStep, InspectionTrigger } from './inspection-step.js';
export type { DefectSummary, DefectCount, AgeingBucket, SummaryOptions } from './summary.js';
export { problemList, problemListTable, houseLabel, houseKey, contractorName } from './problem-list.js';
export type { ProblemListGroup, ProblemListHouse, ProblemListOptions, ProblemListCsvOptions } from './problem-list.js';
export { parseBatch, commonProblemsFor, draftFromProblem, createDefect, MAX_DESCRIPTION } from './batch.js';
export type { DefectDraft, BatchLineError, BatchContext, CreateOptions } from './batch.js';
export { filterDefects, groupDefects } from './filter.js';
export type { DefectFilter, DefectGroupBy, DefectGroup } from './filter.js';
export { isOverdue, ageInDays, defaultDue, timeLimitDays, localDate } from './time.js';
export { defectText, defectReason } from './messages.js';
export { schemaDefaults, resolveConfig } from './config.js';
export { defectFieldLabel } from './labels.js';
export { defectLabel, schemaFieldLabel } from './defect-labels.js';
export { checklistFieldLabel } from './checklist-labels.js';
export type * from './types.js';
export { checklistCounts, entryView, listView, nextItemRow, allSelected, summaryBars, printView } from './views.js';
export type { ChecklistCounts, EntryViewModel, EntryViewOptions, ListRow, ListGroupRow, ListItemRow, ListViewModel, ListViewOptions, SummaryBar, PrintRow, PrintSheet, PrintViewModel, PrintViewOptions } from './views.js';
export { canDecideOwner, checkOwnerDecision, OWNER_DECISION_LIMITS } from './owner-decision.js';
export type { OwnerDecisionInput, OwnerDecisionError, OwnerDecisionCheck } from './owner-decision.js';
export { PHOTO_LIMITS, isPhotoFile, photoFromUpload, attachPhoto } from './photos.js';
export type { PhotoRefusal } from './photos.js';
export { endOfShanghaiDay } from './time.js';
export { defectVocab, defectVocabLabel, defectVocabOptions } from './vocab.js';
export type { DefectVocabName } from './vocab.js';
