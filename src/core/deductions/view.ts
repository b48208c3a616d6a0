// View models of the deduction calculator (<wy-deduction-calculator>): pure functions from a
// result (and the result of a comparison period or of a what-if scenario) to the rows and numbers
// the element shows, as data. The element only words and lays them out.
import type { ComplaintDeduction, DeductionFact, DeductionFacts, DeductionGroup, DeductionPeriod, DeductionRatingResult, DeductionResult } from './types.js';
import type { DeductionVocab } from './vocab.js';
import { formatPoints } from './explain.js';

/** Facts offered as choices in the what-if form, in this order, with the vocabulary that labels their codes; `optional` facts may be unset. */
export const WHAT_IF_CHOICES: readonly { readonly fact: DeductionFact; readonly vocab: DeductionVocab; readonly optional: boolean }[] = [
  { fact: 'validity', vocab: 'validity', optional: true },
  { fact: 'category', vocab: 'contentCategory', optional: false },
  { fact: 'severity', vocab: 'severity', optional: false },
  { fact: 'external-body', vocab: 'externalBody', optional: true },
  { fact: 'satisfaction', vocab: 'satisfaction', optional: true },
];

/** Facts offered as yes/no in the what-if form, in this order. */
export const WHAT_IF_FLAGS: readonly DeductionFact[] = ['repeat', 'escalated-to-hq', 'emergency', 'reply-overdue', 'return-visit-missing'];

/** Points with a sign when they add: `+2`, `-1.5`, `0`. */
export const signedPoints = (points: number): string => (points > 0 ? `+${formatPoints(points)}` : formatPoints(points));

/** `2026-07-01 – 2026-07-31`, or undefined for "every record". */
export const periodSpan = (period: DeductionPeriod | null | undefined): string | undefined => (period ? `${period.from} – ${period.to}` : undefined);

/** The record at `index` in a result, with its group. */
export function locateDeduction(result: DeductionResult, index: number): { readonly group: DeductionGroup; readonly complaint: ComplaintDeduction } | undefined {
  for (const group of result.groups) {
    const complaint = group.complaints.find((x) => x.index === index);
    if (complaint) return { group, complaint };
  }
  return undefined;
}

/** One row of the summary table: the group and, with a comparison, its deduction then and the change. */
export interface DeductionRowView {
  readonly group: DeductionGroup;
  /** Points deducted in the comparison period (0 when the group had none), or null without a comparison. */
  readonly previous: number | null;
  readonly change: number | null;
}

/** The summary table's rows and totals, with the comparison period's deductions beside each group. */
export function deductionRows(result: DeductionResult, previous?: DeductionResult): { readonly rows: readonly DeductionRowView[]; readonly totals: { readonly previous: number | null; readonly change: number | null } } {
  const before = new Map(previous?.groups.map((g) => [g.key, g.deducted]));
  const rows = result.groups.map((group) => {
    if (!previous) return { group, previous: null, change: null };
    const p = before.get(group.key) ?? 0;
    return { group, previous: p, change: group.deducted - p };
  });
  return { rows, totals: previous ? { previous: previous.totals.deducted, change: result.totals.deducted - previous.totals.deducted } : { previous: null, change: null } };
}

/** A value before and after the what-if facts. */
export interface BeforeAfter<T> {
  readonly before: T;
  readonly after: T;
  readonly changed: boolean;
}

/** What the what-if facts change: the record's points, and its group's deduction, final score and rating. */
export interface WhatIfEffect {
  readonly recordNo: string;
  /** The group the record falls in with the what-if facts (undefined when it then falls in none). */
  readonly groupKey?: string;
  readonly points: BeforeAfter<number>;
  readonly deducted: BeforeAfter<number>;
  readonly finalScore: BeforeAfter<number>;
  readonly rating: BeforeAfter<DeductionRatingResult | null>;
  /** The record's rule lines with the what-if facts. */
  readonly lines: ComplaintDeduction['lines'];
}

const pair = <T>(before: T, after: T, same: (a: T, b: T) => boolean = (a, b) => a === b): BeforeAfter<T> => ({ before, after, changed: !same(before, after) });

/** Compares the record at `index` (and its group) in the recorded result and in the what-if result. */
export function whatIfEffect(before: DeductionResult, after: DeductionResult, index: number): WhatIfEffect | undefined {
  const a = locateDeduction(before, index);
  const b = locateDeduction(after, index);
  if (!a && !b) return undefined;
  return {
    recordNo: (b ?? a)!.complaint.recordNo,
    ...(b ? { groupKey: b.group.key } : {}),
    points: pair(a?.complaint.points ?? 0, b?.complaint.points ?? 0),
    deducted: pair(a?.group.deducted ?? 0, b?.group.deducted ?? 0),
    finalScore: pair(a?.group.finalScore ?? 0, b?.group.finalScore ?? 0),
    rating: pair(a?.group.rating ?? null, b?.group.rating ?? null, (x, y) => (x?.ruleId ?? null) === (y?.ruleId ?? null)),
    lines: b?.complaint.lines ?? [],
  };
}

/**
 * The what-if patch after the user sets `fact` to `value`: a value equal to the recorded one
 * leaves the patch (so the patch holds only what differs from the record).
 */
export function patchFacts(recorded: DeductionFacts, patch: Partial<DeductionFacts>, fact: DeductionFact, value: string | boolean | null): Partial<DeductionFacts> {
  const next: Record<string, unknown> = { ...patch };
  if (recorded[fact as keyof DeductionFacts] === value) delete next[fact];
  else next[fact] = value;
  return next as Partial<DeductionFacts>;
}
