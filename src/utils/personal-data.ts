import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

/**
 * Personal data at rest (an applicant's ID number and phone): AES-256-GCM under a key derived from
 * the server's ENCRYPTION_KEY, so a copy of the database alone does not reveal them. A stored
 * value reads `pd1:<iv>.<tag>.<ciphertext>` (base64url).
 */
const PREFIX = 'pd1:';

const keyOf = (secret: string): Buffer => Buffer.from(hkdfSync('sha256', secret, 'gongkai', 'personal data at rest', 32));

/** Seals every value given, even one that looks sealed: what was typed is what is kept. */
export function encryptPersonal(value: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')}`;
}

/** The plain value, or null when it was not sealed with this key (or was altered). */
export function decryptPersonal(stored: string, secret: string): string | null {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, sealed] = stored.slice(PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const isSealed = (value: unknown): boolean => typeof value === 'string' && value.startsWith(PREFIX);

/** A value shown to those who may not read it whole: the first and last four characters (`1101**********1234`). */
export function maskPersonal(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
