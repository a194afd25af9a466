/**
 * Codes that identify a government organization:
 *
 * - the 18-character unified social credit code (统一社会信用代码), GB 32100-2015: registration
 *   authority, organization type, 6-digit administrative division, 9-character organization code,
 *   check character;
 * - the older 9-character organization code (组织机构代码), GB 11714-1997: 8 body characters and a
 *   check character.
 */

export type OrganizationCodeKind = 'unified_social_credit_code' | 'organization_code';

export type CodeCheck =
  | { valid: true; code: string; kind: OrganizationCodeKind }
  | { valid: false; code: string; reason: string };

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 11714-1997: body characters are digits or capitals, valued 0–35. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character GB 32100 prescribes for the first 17 characters. */
export function usccCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += USCC_ALPHABET.indexOf(body17[i]) * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The check character GB 11714 prescribes for the first 8 characters. */
export function organizationCodeCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    sum += parseInt(body8[i], 36) * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Trims, drops spaces and hyphens (`12345678-9` is how organization codes are printed), upper-cases. */
export function normalizeOrganizationCode(input: string): string {
  return input.replace(/[\s\-－]/g, '').toUpperCase();
}

/** Validates a unified social credit code or an organization code, check character included. */
export function checkOrganizationCode(input: string): CodeCheck {
  const code = normalizeOrganizationCode(input);

  if (code.length === 18) {
    if (![...code].every((ch) => USCC_ALPHABET.includes(ch))) {
      return { valid: false, code, reason: 'contains a character not allowed in a unified social credit code' };
    }
    if (!/^\d{6}$/.test(code.slice(2, 8))) {
      return { valid: false, code, reason: 'characters 3–8 must be an administrative division code' };
    }
    const expected = usccCheckCharacter(code.slice(0, 17));
    if (code[17] !== expected) {
      return { valid: false, code, reason: `check character should be ${expected}` };
    }
    return { valid: true, code, kind: 'unified_social_credit_code' };
  }

  if (code.length === 9) {
    if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) {
      return { valid: false, code, reason: 'an organization code is 8 digits or capitals and a check digit or X' };
    }
    const expected = organizationCodeCheckCharacter(code.slice(0, 8));
    if (code[8] !== expected) {
      return { valid: false, code, reason: `check character should be ${expected}` };
    }
    return { valid: true, code, kind: 'organization_code' };
  }

  return {
    valid: false,
    code,
    reason: 'must be an 18-character unified social credit code or a 9-character organization code',
  };
}
