/**
 * Hands a downloaded blob to the browser as a file. Needed for files behind the bearer token
 * (a plain link cannot send it); the object URL is revoked once the click has been dispatched.
 */
export function saveBlob(blob: Blob, fileName: string, document: Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
