import type { NotificationContact } from './notification-driver';

/** 13812345678 → 138****5678, as on the applicant's profile. */
export function maskMobile(mobile: string): string {
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}

/** zhang.san@example.com → z***@example.com. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

export function maskedRecipient(contact: NotificationContact | null | undefined, channel: 'mobile' | 'email'): string | undefined {
  const address = contact?.[channel];
  if (!address) {
    return undefined;
  }
  return channel === 'mobile' ? maskMobile(address) : maskEmail(address);
}

/**
 * Channel errors can quote the address they failed on ("550 <a@b.cn>: no such user"); what is
 * stored and logged has addresses and mainland mobile numbers masked, and is kept short.
 */
export function redactContacts(text: string, maxLength = 500): string {
  const redacted = text
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (email) => maskEmail(email))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (mobile) => maskMobile(mobile));
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}
