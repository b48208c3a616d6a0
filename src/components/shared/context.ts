import { createContext } from '@lit/context';
import type { Locale, Localized } from '../../core/i18n/locale.js';

import type { Actor } from '../../core/kernel/people.js';
import type { StaffMember } from '../../workflow/action-defaults.js';

/** Who is using the kit: set by the host portal, read by elements that record or authorise (declared once, in the kernel). */
export type { Actor } from '../../core/kernel/people.js';

/** One person of the host's staff list (schemas/people.schema.json). */
export type { StaffMember } from '../../workflow/action-defaults.js';

/** Reference data a host portal supplies once for every element inside a provider. */
export interface ReferenceData {
  /** Management offices (管理处); see schemas/examples/offices.json. */
  readonly offices?: readonly {
    readonly id: string;
    readonly name: string | Localized;
    readonly project?: string;
    readonly region?: string;
    readonly regionName?: string | Localized;
  }[];
  /** Contractors / responsible parties (施工单位) for defects. */
  readonly contractors?: readonly { readonly id: string; readonly name: string | Localized }[];
  /**
   * People (staff of the offices, HQ, contractors) with their workflow role codes and office;
   * see schemas/people.schema.json and schemas/examples/people.json. The workflow panel's action
   * forms offer them as pickers; without them a person is typed as an ID and a name.
   */
  readonly staff?: readonly StaffMember[];
  readonly [key: string]: unknown;
}

// Keys made with Symbol.for so that two copies of wuye-kit on one page still meet.
export const localeContext = createContext<Locale | undefined>(Symbol.for('wy:locale'));
export const actorContext = createContext<Actor | undefined>(Symbol.for('wy:actor'));
export const referenceContext = createContext<ReferenceData | undefined>(Symbol.for('wy:reference'));
/** The host's store (submit hooks, drafts); typed by the elements that use it. */
export const storeContext = createContext<unknown>(Symbol.for('wy:store'));
/** The workflow engine (`createEngine(...)` from wuye-kit/workflow) the workflow panel drives. */
export const engineContext = createContext<unknown>(Symbol.for('wy:engine'));
