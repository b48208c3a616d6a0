import schema from '../../generated/schemas/stats-config.js';
import type { StatsCounter } from '../../generated/vocab.js';
import type { Localized } from '../i18n/locale.js';

export type { StatsCounter };

/** A ratio measure: `numerator ÷ denominator`, both counters summed over the row first. */
export interface StatsMeasure {
  readonly id: string;
  readonly label: Localized;
  readonly description?: Localized;
  readonly numerator: StatsCounter;
  readonly denominator: StatsCounter;
}

/** One signature box of the printed form (制表人, 审核人, 批准人 …). */
export interface StatsSignature {
  readonly id: string;
  readonly label: Localized;
}

/** Metadata of the printed 顾客投诉分类统计表. */
export interface StatsForm {
  readonly documentNo: string;
  readonly version: string;
  readonly title: Localized;
  readonly department: Localized;
  readonly signatures: readonly StatsSignature[];
}

/**
 * Configurable facts of the statistics table (schemas/stats-config.schema.json; validate an
 * edited one with `validate('stats-config', config)`).
 */
export interface StatsConfig {
  readonly form: StatsForm;
  /** Types of feedback counted when no kind filter is given; default `['complaint']` (投诉 only). */
  readonly countKinds?: readonly string[];
  readonly validCodes: readonly string[];
  readonly satisfiedCodes: readonly string[];
  readonly measures: readonly StatsMeasure[];
}

/** The configuration wuye-kit ships: the `default` of schemas/stats-config.schema.json. */
export const DEFAULT_STATS_CONFIG = schema['default'] as StatsConfig;
