import { defectVocab as vocab } from './vocab.js';
import type { Locale } from '../i18n/locale.js';
import type { CommonProblem, CommonProblems, Defect, DefectActor, DefectHouse, DefectSeverity, HouseLocation, Trade } from './types.js';

/** What one line of batch entry (集中录入) becomes before it is a defect. */
export interface DefectDraft {
  readonly location: HouseLocation;
  readonly trade: Trade;
  readonly description: string;
  readonly severity: DefectSeverity;
  readonly problemId?: string;
}

export interface BatchLineError {
  /** 1-based line number. */
  readonly line: number;
  readonly text: string;
  readonly reason: 'too-long';
}

export interface BatchContext {
  /** The location picked once for the batch. */
  readonly location: HouseLocation;
  /** The trade picked once for the batch. */
  readonly trade: Trade;
  /** Severity when the line and its common problem say nothing; default the config's default. */
  readonly severity?: DefectSeverity;
  readonly config: CommonProblems;
}

export const MAX_DESCRIPTION = 500;

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** code or label (either language, case-insensitive) → code, for one vocabulary. */
function lookup<K extends string>(v: { readonly codes: readonly K[]; readonly labels: Readonly<Record<K, Readonly<Record<Locale, string>>>> }): Map<string, K> {
  const m = new Map<string, K>();
  for (const code of v.codes) {
    m.set(norm(code), code);
    m.set(norm(v.labels[code]['zh-CN']), code);
    m.set(norm(v.labels[code].en), code);
  }
  return m;
}
const LOCATIONS = lookup(vocab.houseLocation);
const TRADES = lookup(vocab.trade);
const SEVERITIES = lookup(vocab.defectSeverity);

/** Common problems by their label in either language, for exact matches of a typed line. */
function problemIndex(config: CommonProblems): Map<string, CommonProblem> {
  const m = new Map<string, CommonProblem>();
  for (const p of config.problems) {
    for (const key of [p.label['zh-CN'], p.label.en]) if (!m.has(norm(key))) m.set(norm(key), p);
  }
  return m;
}

const indexCache = new WeakMap<CommonProblems, Map<string, CommonProblem>>();

/**
 * Parses batch entry: one defect per line. A line may start with a list number (`1.` `2、` `-`),
 * may name its location and/or trade before a colon (`厨房：…`, `卫生间/防水: …`, `kitchen: …`),
 * and may end with a severity tag (`[严重]`, `【轻微】`, `(serious)`) or `!` for serious. A line
 * that is exactly a common problem (either language) takes its id, trade and severity. Empty
 * lines are skipped; a line longer than the schema allows is reported, never cut.
 */
export function parseBatch(text: string, ctx: BatchContext): { drafts: DefectDraft[]; errors: BatchLineError[] } {
  let problems = indexCache.get(ctx.config);
  if (!problems) indexCache.set(ctx.config, (problems = problemIndex(ctx.config)));
  const drafts: DefectDraft[] = [];
  const errors: BatchLineError[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    let line = raw.trim().replace(/^(?:\d{1,3}\s*[.、)）]|[-*•·])\s*/, '');
    if (!line) continue;
    let location: HouseLocation | undefined;
    let trade: Trade | undefined;
    let severity: DefectSeverity | undefined;
    const prefix = /^([^:：]{1,24})[:：]\s*(.*)$/s.exec(line);
    if (prefix) {
      const parts = prefix[1]!.split(/[/／]/).map(norm);
      const locs = parts.map((p) => LOCATIONS.get(p));
      const trs = parts.map((p) => TRADES.get(p));
      // Only a prefix made entirely of known names is one; otherwise the colon is part of the text.
      if (parts.length <= 2 && parts.every((_, j) => locs[j] || trs[j])) {
        for (const [j] of parts.entries()) {
          if (locs[j] && !location) location = locs[j];
          else if (trs[j] && !trade) trade = trs[j];
        }
        line = prefix[2]!.trim();
      }
    }
    const tag = /\s*(?:[[【(（]([^\]】)）]{1,12})[\]】)）]|([!！]+))\s*$/.exec(line);
    if (tag) {
      const sev = tag[2] ? 'serious' : SEVERITIES.get(norm(tag[1]!));
      if (sev) {
        severity = sev;
        line = line.slice(0, tag.index).trim();
      }
    }
    if (!line) continue;
    if (line.length > MAX_DESCRIPTION) {
      errors.push({ line: i + 1, text: raw, reason: 'too-long' });
      continue;
    }
    const common = problems.get(norm(line));
    drafts.push({
      location: location ?? ctx.location,
      trade: trade ?? common?.trade ?? ctx.trade,
      description: line,
      severity: severity ?? common?.severity ?? ctx.severity ?? ctx.config.defaults.severity,
      ...(common ? { problemId: common.id } : {}),
    });
  }
  return { drafts, errors };
}

/** The common problems offered for one-tap entry at a location and trade, in configured order. */
export function commonProblemsFor(config: CommonProblems, location: HouseLocation, trade?: Trade): CommonProblem[] {
  return config.problems.filter((p) => (!trade || p.trade === trade) && (!p.locations?.length || p.locations.includes(location)));
}

/** A draft made from a tapped common problem, in the checklist's language. */
export function draftFromProblem(problem: CommonProblem, location: HouseLocation, locale: Locale, config: CommonProblems): DefectDraft {
  return { location, trade: problem.trade, description: problem.label[locale], severity: problem.severity ?? config.defaults.severity, problemId: problem.id };
}

export interface CreateOptions {
  readonly id: string;
  readonly house: DefectHouse;
  readonly actor: DefectActor;
  /** When found (ISO 8601 date-time). */
  readonly now: string;
  readonly contractorId?: string;
  readonly due?: string;
  readonly photos?: Defect['photos'];
}

/** A new open defect from a draft. */
export function createDefect(draft: DefectDraft, options: CreateOptions): Defect {
  return {
    id: options.id,
    house: { ...options.house },
    location: draft.location,
    trade: draft.trade,
    description: draft.description,
    ...(draft.problemId ? { problemId: draft.problemId } : {}),
    severity: draft.severity,
    ...(options.photos?.length ? { photos: [...options.photos] } : {}),
    foundBy: { id: options.actor.id, name: options.actor.name },
    foundAt: options.now,
    ...(options.contractorId ? { contractorId: options.contractorId } : {}),
    ...(options.due ? { due: options.due } : {}),
    status: 'open',
  };
}
