/**
 * Offers `content` to the user as a file download (CSV, XLSX…). Returns the Blob so callers and
 * tests can inspect the bytes.
 */
export function download(content: BlobPart, fileName: string, type: string): Blob {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}
