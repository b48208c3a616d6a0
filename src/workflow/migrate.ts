// Loading an instance under a newer definition: only through declared migrations (state and clock
// renames, data upgrades as effects), each one recorded in the audit log.
import type { Locale } from '../core/i18n/locale.js';
import { validateData } from './data-schemas.js';
import { applyEffects, fallbackCalendar, SYSTEM_ACTOR, type TransitionOptions } from './transition.js';
import { clockLimitMs, clockState } from './clocks.js';
import type { AuditEntry, ClockState, Snapshot, WorkflowDefinition } from './types.js';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly instanceId: string,
    readonly fromVersion: number,
    readonly toVersion: number,
  ) {
    super(message);
  }
}

/** Whether a snapshot needs migrating before it can run under `def`. */
export function needsMigration(def: WorkflowDefinition, snapshot: Snapshot): boolean {
  return snapshot.definitionId === def.id && snapshot.definitionVersion !== def.version;
}

/**
 * Brings a snapshot up to `def.version` through the definition's migrations, one declared step at
 * a time. Returns the migrated snapshot and one audit entry per step; throws a MigrationError when
 * a step is not declared, a renamed state does not exist, or upgraded data is invalid.
 */
export function migrate(
  def: WorkflowDefinition,
  snapshot: Snapshot,
  now: number,
  options: TransitionOptions & { locale?: Locale } = {},
): { snapshot: Snapshot; audit: AuditEntry[] } {
  const calendar = options.calendar ?? fallbackCalendar();
  const fail = (msg: string) => new MigrationError(msg, snapshot.id, snapshot.definitionVersion, def.version);
  if (snapshot.definitionId !== def.id) throw fail(`Instance ${snapshot.id} runs ${snapshot.definitionId}, not ${def.id}`);
  if (snapshot.definitionVersion > def.version) throw fail(`Instance ${snapshot.id} runs ${def.id}@${snapshot.definitionVersion}, newer than ${def.version}`);
  const steps = [...(def.migrations ?? [])].sort((a, b) => a.from - b.from);
  let cur = snapshot;
  const audit: AuditEntry[] = [];
  while (cur.definitionVersion < def.version) {
    const m = steps.find((s) => s.from === cur.definitionVersion);
    if (!m) throw fail(`${def.id}@${def.version} declares no migration from version ${cur.definitionVersion} (instance ${snapshot.id})`);
    const to = steps.find((s) => s.from > m.from)?.from ?? def.version;
    const state = m.states?.[cur.state] ?? cur.state;
    if (!def.states.some((s) => s.id === state)) throw fail(`State "${cur.state}" of instance ${snapshot.id} does not exist in ${def.id}@${to}; declare a rename`);
    const clocks: Record<string, ClockState> = {};
    for (const [id, cs] of Object.entries(cur.clocks)) {
      const newId = m.clocks?.[id] ?? id;
      const c = def.clocks?.find((x) => x.id === newId);
      if (c) clocks[newId] = clockState(cs.status, cs.epoch, cs.elapsedMs, clockLimitMs(c, calendar), cs.escalations, cs.runningSince, cs.startedAt, cs.stoppedAt, cs.warnedAt, cs.breachedAt);
    }
    for (const c of def.clocks ?? []) clocks[c.id] ??= clockState('idle', 0, 0, clockLimitMs(c, calendar), 0, undefined, undefined, undefined, undefined, undefined);
    const ctx = {
      data: cur.data,
      payload: null,
      actor: { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name },
      roles: [],
      state: cur.state,
      handler: cur.handler ?? null,
      firstReceiver: cur.firstReceiver,
      now: new Date(now).toISOString(),
    };
    const applied = applyEffects(def, m.data ?? [], ctx, cur.handler);
    if ('locked' in applied) throw fail(`Migration from ${m.from} would change the fixed field ${applied.locked}`);
    if ('invalid' in applied) throw fail(`Migration from ${m.from}: ${applied.invalid}`);
    if (def.dataSchema) {
      const r = validateData(def.dataSchema, applied.data, 'en');
      if (!r.valid) throw fail(`Migration from ${m.from} leaves invalid data: ${r.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    }
    const next: Snapshot = {
      ...cur,
      ...(applied.handler ? { handler: applied.handler } : {}),
      definitionVersion: to,
      state,
      data: applied.data,
      clocks,
      version: cur.version + 1,
      updatedAt: now,
      auditCount: cur.auditCount + 1,
    };
    audit.push({
      instanceId: cur.id,
      seq: next.auditCount,
      at: now,
      kind: 'migration',
      event: 'migrate',
      from: cur.state,
      to: state,
      actor: { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name, roles: [] },
      effects: applied.out,
      definitionVersion: to,
      commandId: `migrate:${cur.id}:${m.from}->${to}`,
      note: `${def.id}@${m.from} -> ${def.id}@${to}`,
    });
    cur = next;
  }
  return { snapshot: cur, audit };
}
