import type { Complaint } from '../../generated/types/complaint.js';
import type { ReferenceData } from '../shared/context.js';

/** A management office (管理处), as in schemas/examples/offices.json. */
export type ComplaintOffice = NonNullable<ReferenceData['offices']>[number];
/** What the user has entered: a complaint without the parts the element fills. */
export type ComplaintDraft = Readonly<Record<string, unknown>>;
/** The host's record numbering: returns the number for this record (its own sequence). */
export type RecordNumberHook = (draft: ComplaintDraft) => Promise<string> | string;

/**
 * What <wy-complaint-form> expects of the host's store (given as `store`, or `store` on a
 * `<wy-kit-provider>`). `submitComplaint` stores the record and resolves when it is stored, or
 * rejects. The same `idempotencyKey` comes with every retry of the same record (also in
 * `record.meta.idempotencyKey`): a store that has seen the key must return the record it stored
 * instead of storing a second one. A rejection with `errors: [{ path, message }]` puts those
 * messages on the fields. `recordNumber` is optional (the `recordNumber` property wins).
 */
export interface ComplaintStore {
  submitComplaint(record: Complaint, options: { readonly idempotencyKey: string }): Promise<unknown> | unknown;
  recordNumber?(draft: ComplaintDraft): Promise<string> | string;
}
