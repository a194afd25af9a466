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

/**
 * A value shown to those who may not read it whole: at most a quarter of it at each end (and never
 * more than four characters), the rest as four stars whatever its length, so neither most of the
 * value nor its length shows: `1101****1234` for an ID number, `13****78` for a mobile number,
 * `李****明` for a four-character name, `****` for a shorter one.
 */
export function maskPersonal(value: string | null | undefined): string | null {
  if (!value) return null;
  const characters = [...value];
  const shown = Math.min(4, Math.floor(characters.length / 4));
  if (shown === 0) return '****';
  return `${characters.slice(0, shown).join('')}****${characters.slice(-shown).join('')}`;
}
