/**
 * The one upload adapter of the kit (`<wy-schema-form>`, `<wy-complaint-form>` and
 * `<wy-defect-checklist>` take it as `uploader`): the host stores the file and returns a
 * reference (never base64 in values). `signal` aborts when the user removes the file or the
 * element leaves the page. The checklist shows photos, so it needs `url` (http(s), blob or a
 * relative path); a reference without one counts as a failed upload there.
 */
export type Uploader = (file: File, options: { signal: AbortSignal }) => Promise<UploadedFile>;

/** What an `Uploader` returns: the host's id for the file and, where it can be shown, a URL. */
export interface UploadedFile {
  readonly id: string;
  readonly url?: string;
}
