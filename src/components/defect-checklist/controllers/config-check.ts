// Loaded on demand, only when a host gives its own common problems: the precompiled validator
// of schemas/common-problems.schema.json and the error messages (not needed for the shipped list).
import { mapErrors } from '../../../core/errors.js';
import { validateCommonProblems } from '../../../generated/validators/common-problems.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { CommonProblems } from '../../../core/defects/types.js';

/** Checks a host's common-problems configuration; the errors as one line when it is invalid. */
export function checkCommonProblems(value: unknown, locale: Locale): { ok: true; config: CommonProblems } | { ok: false; message: string } {
  if (validateCommonProblems(value)) return { ok: true, config: value as CommonProblems };
  return { ok: false, message: mapErrors(validateCommonProblems.errors, { locale }).map((e) => `${e.path} ${e.message}`).join('；') };
}
