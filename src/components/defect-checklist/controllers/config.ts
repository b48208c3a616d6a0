import { resolveConfig } from '../../../core/defects/config.js';
import type { CommonProblems } from '../../../core/defects/types.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { LazyController } from '../../shared/lazy.js';
import { lazyModules } from './lazy.js';

/**
 * The common problems in force: the shipped list (schemas/common-problems.json, fetched only when
 * the host gives none), or the host's once its validator (loaded on demand) accepts it; an invalid
 * host list leaves the defaults in force and says why (`error`).
 */
export class ConfigController {
  config: CommonProblems = resolveConfig(undefined);
  /** The list in force is still being fetched or checked. */
  pending = false;
  /** Why the host's list was refused (one line), or ''. */
  error = '';
  // `null` until the first update, so an unset `commonProblems` (undefined) still loads the shipped list.
  private given: CommonProblems | undefined | null = null;

  constructor(private readonly lazy: LazyController) {}

  /** Takes the host's `commonProblems` (once per new value). */
  take(given: CommonProblems | undefined, locale: Locale): void {
    if (given === this.given) return;
    this.given = given;
    this.error = '';
    this.pending = true;
    this.config = resolveConfig(undefined);
    if (!given) {
      this.lazy.track(
        lazyModules.shipped.load().then((m) => {
          if (this.given !== given) return;
          this.pending = false;
          this.config = m.default as CommonProblems;
        }),
      );
      return;
    }
    this.lazy.track(
      lazyModules.config.load().then((m) => {
        if (this.given !== given) return;
        const r = m.checkCommonProblems(given, locale);
        this.pending = false;
        if (r.ok) this.config = r.config;
        else this.error = r.message;
      }),
    );
  }
}
