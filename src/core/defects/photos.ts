import defectSchema from '../../generated/schemas/defect.js';
import type { Defect, DefectPhoto } from './types.js';

/**
 * Photo rules of a defect (how many, what may be kept): read from schemas/defect.schema.json so
 * the browser and a server enforce the same limits.
 */
interface PhotoSchema {
  readonly properties: {
    readonly photos: { readonly maxItems: number };
  };
  readonly definitions: { readonly photo: { readonly properties: { readonly id: { maxLength: number }; readonly url: { maxLength: number }; readonly name: { maxLength: number } } } };
}
const schema = defectSchema as unknown as PhotoSchema;

export const PHOTO_LIMITS = {
  /** Photos one defect keeps. */
  perDefect: schema.properties.photos.maxItems,
  idLength: schema.definitions.photo.properties.id.maxLength,
  urlLength: schema.definitions.photo.properties.url.maxLength,
  nameLength: schema.definitions.photo.properties.name.maxLength,
} as const;

/** Why a photo was not kept. */
export type PhotoRefusal = 'not-image' | 'bad-reference' | 'inline-data' | 'too-long';

/** Whether a picked file may become a defect photo (images only, by MIME type). */
export function isPhotoFile(file: { readonly type: string }): boolean {
  return /^image\//i.test(file.type);
}

/**
 * The photo an upload's answer makes: the host's id and URL (a reference, never inline
 * `data:`), the file's name cut to the schema's length. A refusal says why.
 */
export function photoFromUpload(answer: unknown, fileName: string): { ok: true; photo: DefectPhoto } | { ok: false; reason: PhotoRefusal } {
  const a = answer as { id?: unknown; url?: unknown } | null | undefined;
  if (!a || typeof a.id !== 'string' || !a.id || typeof a.url !== 'string' || !a.url) return { ok: false, reason: 'bad-reference' };
  if (/^\s*data:/i.test(a.url)) return { ok: false, reason: 'inline-data' };
  if (a.id.length > PHOTO_LIMITS.idLength || a.url.length > PHOTO_LIMITS.urlLength) return { ok: false, reason: 'too-long' };
  const name = fileName.slice(0, PHOTO_LIMITS.nameLength);
  return { ok: true, photo: { id: a.id, url: a.url, ...(name ? { name } : {}) } };
}

/**
 * Adds `photo` to the defects whose ids are in `targets`: a new array (the old one untouched).
 * A defect that already holds the most photos the schema allows keeps what it has and is
 * listed in `full`.
 */
export function attachPhoto(items: readonly Defect[], targets: Iterable<string>, photo: DefectPhoto): { items: Defect[]; attached: string[]; full: string[] } {
  const want = new Set(targets);
  const attached: string[] = [];
  const full: string[] = [];
  const out = items.map((d) => {
    if (!want.has(d.id)) return d;
    const photos = d.photos ?? [];
    if (photos.length >= PHOTO_LIMITS.perDefect) {
      full.push(d.id);
      return d;
    }
    attached.push(d.id);
    return { ...d, photos: [...photos, photo] };
  });
  return { items: out, attached, full };
}
