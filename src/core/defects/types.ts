import type { Actor } from '../kernel/people.js';
// The defect checklist's records, as generated from schemas/defect.schema.json,
// schemas/checklist.schema.json and schemas/common-problems.schema.json.
export type {
  Defect,
  DefectHouse,
  DefectPerson,
  DefectPhoto,
  DefectStep,
  DefectStatus,
  DefectAction,
  DefectRole,
  DefectSeverity,
  HouseLocation,
  Trade,
} from '../../generated/types/defect.js';
export type { Checklist, OwnerDecision, DefectInspectionMode, DefectOwnerDecision } from '../../generated/types/checklist.js';
export type { CommonProblems, CommonProblem, CommonProblemDefaults } from '../../generated/types/common-problems.js';

/** Who acts on a defect: the kit's one `Actor` ({ id, name, roles }). */
export type DefectActor = Actor;

/** A contractor (施工单位) as reference data gives it; `trades` lets the kit suggest one per trade. */
export interface DefectContractor {
  readonly id: string;
  readonly name: string | { readonly 'zh-CN': string; readonly en: string };
  readonly trades?: readonly string[];
}
