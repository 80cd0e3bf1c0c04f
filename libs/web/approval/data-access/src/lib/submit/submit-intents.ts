import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

const STORAGE_PREFIX = 'zhengwu.submitIntent.';

interface StoredIntent {
  version: number;
  key: string;
}

/**
 * 128 random bits as 32 hex characters: fits the server's `[A-Za-z0-9._:-]{8,128}`. Uses
 * `getRandomValues`, which (unlike `randomUUID`) also exists on plain-HTTP intranet deployments.
 */
export function newIdempotencyKey(crypto: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The `Idempotency-Key` of "submit this application as I see it now". One key per application and
 * version: a double click, a retry after a timeout or a reload of the page while the request was in
 * flight all send the same key, so the server answers with the first result instead of submitting
 * twice. After a success the key is dropped; a later resubmission (after a one-time notice the
 * version has moved on) gets a new key, so it can never be answered with the old submission. A
 * refused submission stores nothing on the server, so its key may be reused safely.
 *
 * Kept in sessionStorage (per tab, like the session) so that it survives a reload.
 */
@Injectable({ providedIn: 'root' })
export class SubmitIntents {
  private readonly storage = storageOf(inject(DOCUMENT));
  private readonly memory = new Map<string, StoredIntent>();

  keyFor(applicationId: string, version: number): string {
    const stored = this.read(applicationId);
    if (stored && stored.version === version) return stored.key;
    const intent = { version, key: newIdempotencyKey() };
    this.write(applicationId, intent);
    return intent.key;
  }

  /** The submission went through: the next one is a new intent. */
  settle(applicationId: string): void {
    this.memory.delete(applicationId);
    try {
      this.storage?.removeItem(STORAGE_PREFIX + applicationId);
    } catch {
      // Storage unavailable: the in-memory copy was the only one.
    }
  }

  private read(applicationId: string): StoredIntent | null {
    try {
      const raw = this.storage?.getItem(STORAGE_PREFIX + applicationId);
      if (raw) {
        const parsed = JSON.parse(raw) as Partial<StoredIntent>;
        if (typeof parsed.key === 'string' && typeof parsed.version === 'number') return { key: parsed.key, version: parsed.version };
      }
    } catch {
      // Fall back to memory.
    }
    return this.memory.get(applicationId) ?? null;
  }

  private write(applicationId: string, intent: StoredIntent): void {
    this.memory.set(applicationId, intent);
    try {
      this.storage?.setItem(STORAGE_PREFIX + applicationId, JSON.stringify(intent));
    } catch {
      // Storage full or disabled: the key lives as long as this page.
    }
  }
}

function storageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}
