import type { Complaint } from '../../generated/types/complaint.js';
import type { DeductionGroupBy, DeductionStatus } from '../../generated/vocab.js';
import { BOOLEAN_FACTS, SCALE, type CompiledAdjustment, type CompiledDeductionRules } from './compile.js';
import { DEFAULT_UTC_OFFSET_MINUTES, formatInstant, parseInstant, resolvePeriod } from './time.js';
import type {
  ComplaintDeduction,
  DeductionFact,
  DeductionFacts,
  DeductionGroup,
  DeductionInput,
  DeductionLine,
  DeductionOptions,
  DeductionResult,
  UnreadableRecord,
} from './types.js';

/**
 * Reads the facts of one record. `asOf` (epoch ms) is when an unanswered deadline counts as
 * passed: a reply is past its time limit when `reply.at` is after `deadline`, or when there is
 * no reply and the deadline passed before `asOf`. A return visit is missing when the record was
 * replied to or closed and has no `returnVisit`.
 */
export function deriveFacts(c: Complaint, asOf: number): DeductionFacts {
  const reply = c.reply;
  const visit = c.returnVisit;
  let overdue = false;
  const deadline = c.deadline;
  if (deadline !== undefined) {
    if (reply) overdue = instantLess(deadline, reply.at);
    else {
      const d = parseInstant(deadline);
      overdue = d === d && d < asOf;
    }
  }
  return {
    validity: c.validity ?? null,
    // Required for complaints only (the schema's if/then); a record without them is reported as
    // unreadable at /category or /severity by the base lookup below, never scored.
    category: c.category as DeductionFacts['category'],
    severity: c.severity as DeductionFacts['severity'],
    repeat: c.repeat === true,
    'escalated-to-hq': c.escalatedToHq === true,
    emergency: c.emergency === true,
    'external-body': c.externalBody ?? null,
    'reply-overdue': overdue,
    'return-visit-missing': !visit && (reply !== undefined || c.closedAt !== undefined),
    satisfaction: visit?.satisfaction ?? null,
  };
}

/** Same layout and offset (`2026-07-01T08:00:00+08:00`): then text order is time order. */
function sameShape(a: string, b: string): boolean {
  return (
    a.length === 25 &&
    b.length === 25 &&
    a.charCodeAt(10) === 84 &&
    b.charCodeAt(10) === 84 &&
    a.charCodeAt(19) === b.charCodeAt(19) &&
    a.charCodeAt(20) === b.charCodeAt(20) &&
    a.charCodeAt(21) === b.charCodeAt(21) &&
    a.charCodeAt(23) === b.charCodeAt(23) &&
    a.charCodeAt(24) === b.charCodeAt(24) &&
    (a.charCodeAt(19) === 43 || a.charCodeAt(19) === 45)
  );
}

/** a is strictly before b; false when either is unreadable. */
function instantLess(a: string, b: string): boolean {
  if (sameShape(a, b)) return a < b;
  return parseInstant(a) < parseInstant(b);
}

/** Rounds integer units to a multiple of `step` (sign-symmetric: "up" and "half-up" move away from zero). */
export function roundUnits(u: number, step: number, mode: CompiledDeductionRules['rounding']['mode']): number {
  if (step <= 1) return u;
  const a = u < 0 ? -u : u;
  const q = Math.floor(a / step);
  const r = a - q * step;
  let n = q;
  if (mode === 'up') {
    if (r > 0) n++;
  } else if (mode === 'half-up') {
    if (2 * r >= step) n++;
  } else if (mode === 'half-even') {
    if (2 * r > step || (2 * r === step && q % 2 === 1)) n++;
  }
  if (n === 0) return 0;
  return u < 0 ? -n * step : n * step;
}

const pts = (u: number): number => (u === 0 ? 0 : u / SCALE);

interface GroupAcc {
  key: string;
  name: string | undefined;
  counted: number;
  valid: number;
  invalid: number;
  pending: number;
  outOfScope: number;
  units: number;
  complaints: ComplaintDeduction[];
}

function matches(a: CompiledAdjustment, facts: DeductionFacts): boolean {
  for (const c of a.conditions) {
    const v = facts[c.fact];
    if (c.test === 'bool') {
      if (v !== c.want) return false;
    } else if (typeof v !== 'string' || !c.codes.has(v)) return false;
  }
  return true;
}

function readOverrides(o: DeductionOptions['overrides']): ((i: number) => Partial<DeductionFacts> | undefined) | undefined {
  if (!o) return undefined;
  if (o instanceof Map) return o.size ? (i) => o.get(i) : undefined;
  const rec = o as Readonly<Record<number, Partial<DeductionFacts>>>;
  return Object.keys(rec).length ? (i) => (Object.hasOwn(rec, i) ? rec[i] : undefined) : undefined;
}

/**
 * computeDeductions over a compiled rule set (compileDeductionRules, or compileCheckedRules after
 * the check ran): no schema validator involved, so an element can load the check on demand.
 */
export function computeCompiled(complaints: readonly Complaint[], compiled: CompiledDeductionRules, options: DeductionOptions = {}): DeductionResult {
  const offset = options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  const period = options.period ? resolvePeriod(options.period, offset) : null;
  const groupBy: DeductionGroupBy = options.groupBy ?? 'office';
  const override = readOverrides(options.overrides);

  let asOf: number;
  if (options.asOf !== undefined) {
    asOf = parseInstant(options.asOf);
    if (asOf !== asOf) throw new RangeError(`asOf is not an RFC 3339 date-time: ${JSON.stringify(options.asOf)}`);
  } else if (period) asOf = period.end;
  else {
    asOf = -Infinity;
    for (const c of complaints) {
      for (const s of [c.receivedAt, c.reply?.at, c.closedAt, c.returnVisit?.at]) {
        const t = parseInstant(s);
        if (t > asOf) asOf = t;
      }
    }
    if (asOf === -Infinity) asOf = 0;
  }
  const asOfText = formatInstant(asOf, offset);

  const { kinds, base, adjustments, rounding } = compiled;
  const roundEach = rounding.stage === 'complaint';
  const groups = new Map<string, GroupAcc>();
  const unreadable: UnreadableRecord[] = [];
  let outOfPeriod = 0;
  const noLines: readonly DeductionLine[] = [];
  const noFacts: readonly DeductionFact[] = [];
  const baseLines = new Map<object, DeductionLine>();
  const baseLineOf = (cell: { readonly id: string; readonly units: number }, facts: DeductionFacts): DeductionLine => {
    let line = baseLines.get(cell);
    if (!line) {
      line = { ruleId: cell.id, kind: 'base', points: pts(cell.units), inputs: { category: facts.category, severity: facts.severity } };
      baseLines.set(cell, line);
    }
    return line;
  };
  const plans = compiled.adjustments.map((a) => ({
    shared: !a.facts.includes('reply-overdue') && !a.facts.includes('return-visit-missing'),
    codeFacts: a.facts.filter((f) => !BOOLEAN_FACTS.has(f)),
  }));
  // The mask holds one bit per adjustment; beyond 20 adjustments every record gets its own lines.
  const interning = adjustments.length <= 20;
  type Explained = { readonly lines: readonly DeductionLine[]; readonly total: number; readonly points: number };
  // Keyed by cell number × 2^20 + mask (a small integer: fast Map key), or by text when code values matter.
  const explainedByMask = new Map<number, Explained>();
  const explainedByText = new Map<string, Explained>();
  const cellNo = new Map<object, number>();

  for (let index = 0; index < complaints.length; index++) {
    const c = complaints[index]!;
    if (c === null || typeof c !== 'object') {
      unreadable.push({ index, recordNo: '', path: '' });
      continue;
    }
    const recordNo = typeof c.recordNo === 'string' ? c.recordNo : '';
    const received = parseInstant(c.receivedAt);
    if (received !== received) {
      unreadable.push({ index, recordNo, path: '/receivedAt' });
      continue;
    }
    if (period && (received < period.start || received >= period.end)) {
      outOfPeriod++;
      continue;
    }
    let key: string | undefined;
    let name: string | undefined;
    if (groupBy === 'office') key = typeof c.officeId === 'string' && c.officeId ? c.officeId : undefined;
    else {
      const person = groupBy === 'handler' ? c.handler : c.firstReceiver;
      key = person ? person.id : '';
      name = person?.name;
    }
    if (key === undefined) {
      unreadable.push({ index, recordNo, path: '/officeId' });
      continue;
    }
    let facts = deriveFacts(c, asOf);
    let overridden = noFacts;
    const patch = override?.(index);
    if (patch) {
      const keys = (Object.keys(patch) as DeductionFact[]).filter((k) => k in facts && patch[k] !== undefined);
      if (keys.length) {
        facts = { ...facts };
        for (const k of keys) (facts as unknown as Record<string, unknown>)[k] = patch[k];
        overridden = keys;
      }
    }
    const cell = base.get(facts.category)?.get(facts.severity);
    if (!cell) {
      unreadable.push({ index, recordNo, path: base.has(facts.category) ? '/severity' : '/category' });
      continue;
    }
    let g = groups.get(key);
    if (!g) {
      g = { key, name, counted: 0, valid: 0, invalid: 0, pending: 0, outOfScope: 0, units: 0, complaints: [] };
      groups.set(key, g);
    }

    let status: DeductionStatus;
    let lines = noLines;
    let total = 0;
    let points = 0;
    if (!kinds.has(c.kind)) {
      status = 'out-of-scope';
      g.outOfScope++;
    } else if (facts.validity === 'valid') {
      status = 'valid';
      g.counted++;
      g.valid++;
      // Which adjustments apply. Records with the same base cell, the same matching
      // adjustments and the same code values get the very same (immutable) lines array, so a
      // large period allocates few objects; lines that quote a record's own instants are fresh.
      let mask = 0;
      let fresh = false;
      let codes = '';
      for (let k = 0; k < adjustments.length; k++) {
        if (!matches(adjustments[k]!, facts)) continue;
        mask |= 1 << k;
        const plan = plans[k]!;
        if (!plan.shared) fresh = true;
        else for (const f of plan.codeFacts) codes += `\u0000${String(facts[f])}`;
      }
      let no = cellNo.get(cell);
      if (no === undefined) cellNo.set(cell, (no = cellNo.size));
      const useMask = interning && !fresh && codes === '' && no < 1024;
      const textKey = interning && !fresh && !useMask ? `${no}\u0000${mask}${codes}` : '';
      const hit = useMask ? explainedByMask.get(no * 1_048_576 + mask) : textKey ? explainedByText.get(textKey) : undefined;
      if (hit) {
        lines = hit.lines;
        total = hit.total;
        points = hit.points;
      } else {
        const out: DeductionLine[] = [baseLineOf(cell, facts)];
        total = cell.units;
        for (let k = 0; k < adjustments.length; k++) {
          if ((mask & (1 << k)) === 0) continue;
          const a = adjustments[k]!;
          const u = a.effect === 'add' ? a.value : (cell.units / 100) * (a.value - 100);
          total += u;
          const inputs: Record<string, DeductionInput> = {};
          for (const f of a.facts) inputs[f] = facts[f];
          if (inputs['reply-overdue'] !== undefined) {
            inputs['deadline'] = c.deadline ?? null;
            inputs['replyAt'] = c.reply?.at ?? null;
            if (!c.reply) inputs['asOf'] = asOfText;
          }
          if (inputs['return-visit-missing'] !== undefined) {
            inputs['replyAt'] = c.reply?.at ?? null;
            inputs['closedAt'] = c.closedAt ?? null;
          }
          if (a.effect === 'add') inputs['value'] = pts(a.value);
          else {
            // A multiplier applies to the base points: ×1.5 adds half the base once.
            inputs['basePoints'] = pts(cell.units);
            inputs['factor'] = a.value / 100;
          }
          out.push({ ruleId: a.id, kind: a.effect, points: pts(u), inputs });
        }
        if (roundEach) {
          const r = roundUnits(total, rounding.step, rounding.mode);
          if (r !== total) {
            out.push({ ruleId: rounding.id, kind: 'rounding', points: pts(r - total), inputs: { before: pts(total) } });
            total = r;
          }
        }
        lines = out;
        points = pts(total);
        if (useMask) explainedByMask.set(no * 1_048_576 + mask, { lines, total, points });
        else if (textKey) explainedByText.set(textKey, { lines, total, points });
      }
      g.units += total;
    } else {
      status = facts.validity === 'invalid' ? 'invalid' : 'pending';
      g.counted++;
      if (status === 'invalid') g.invalid++;
      else g.pending++;
    }
    g.complaints.push({ index, recordNo, groupKey: key, status, facts, overridden, points, lines });
  }

  const out: DeductionGroup[] = [];
  let totalDeducted = 0;
  const totals = { counted: 0, valid: 0, invalid: 0, pending: 0, outOfScope: 0 };
  for (const g of [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const lines: DeductionLine[] = [];
    let deducted = g.units;
    if (!roundEach) {
      const r = roundUnits(deducted, rounding.step, rounding.mode);
      if (r !== deducted) lines.push({ ruleId: rounding.id, kind: 'rounding', points: pts(r - deducted), inputs: { before: pts(deducted) } });
      deducted = r;
    }
    let capped = false;
    if (compiled.cap && deducted > compiled.cap.units) {
      lines.push({ ruleId: compiled.cap.id, kind: 'cap', points: pts(compiled.cap.units - deducted), inputs: { raw: pts(deducted), cap: pts(compiled.cap.units) } });
      deducted = compiled.cap.units;
      capped = true;
    }
    const final = compiled.start.units - deducted;
    const band = compiled.bands.find((b) => final >= b.min && final <= b.max);
    totalDeducted += deducted;
    totals.counted += g.counted;
    totals.valid += g.valid;
    totals.invalid += g.invalid;
    totals.pending += g.pending;
    totals.outOfScope += g.outOfScope;
    out.push({
      key: g.key,
      ...(g.name === undefined ? {} : { name: g.name }),
      counted: g.counted,
      valid: g.valid,
      invalid: g.invalid,
      pending: g.pending,
      outOfScope: g.outOfScope,
      points: pts(g.units),
      cap: compiled.cap ? pts(compiled.cap.units) : null,
      capped,
      deducted: pts(deducted),
      startingScore: pts(compiled.start.units),
      finalScore: pts(final),
      rating: band ? { ruleId: band.id, label: band.label, ...(band.stars === undefined ? {} : { stars: band.stars }) } : null,
      lines,
      complaints: g.complaints,
    });
  }

  const src = compiled.source;
  return {
    rules: { id: src.id, version: src.version, isDefault: src.isDefault === true, name: src.name },
    period: period ? { from: period.from, to: period.to } : null,
    asOf: asOfText,
    groupBy,
    groups: out,
    totals: { ...totals, outOfPeriod, unreadable: unreadable.length, deducted: pts(totalDeducted) },
    unreadable,
  };
}
