import {
  checkOrganizationCode,
  normalizeOrganizationCode,
  organizationCodeCheckCharacter,
  usccCheckCharacter,
} from '../../../src/domain/organization-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    // The worked example of the standard and two published codes.
    ['91350100M000100Y43'],
    ['91110000600037341L'],
    // A check value of 0 (31 - 0 wraps to 0) and one of X.
    ['11140100012345671X'],
  ])('accepts %s', (code) => {
    expect(checkOrganizationCode(code)).toEqual({ valid: true, code, kind: 'unified_social_credit_code' });
  });

  it.each([
    ['91350100M000100Y44', 'check character should be 3'],
    ['91350100M000100YI3', 'contains a character not allowed in a unified social credit code'],
    ['9135010OM000100Y43', 'contains a character not allowed in a unified social credit code'],
    ['91AB0100M000100Y43', 'characters 3–8 must be an administrative division code'],
    ['91350100M000100Y4', 'must be an 18-character unified social credit code or a 9-character organization code'],
    ['91350100M000100Y433', 'must be an 18-character unified social credit code or a 9-character organization code'],
    ['', 'must be an 18-character unified social credit code or a 9-character organization code'],
  ])('rejects %s: %s', (code, reason) => {
    expect(checkOrganizationCode(code)).toMatchObject({ valid: false, reason });
  });

  it('computes the check character over all 17 positions', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});

describe('organization code (GB 11714-1997)', () => {
  it.each([
    ['D2143569X', 'D2143569X'],
    ['D2143569-X', 'D2143569X'],
    ['d2143569-x', 'D2143569X'],
  ])('accepts %s as %s', (input, code) => {
    expect(checkOrganizationCode(input)).toEqual({ valid: true, code, kind: 'organization_code' });
  });

  it.each([
    ['D21435691', 'check character should be X'],
    ['D214356#X', 'an organization code is 8 digits or capitals and a check digit or X'],
  ])('rejects %s', (code, reason) => {
    expect(checkOrganizationCode(code)).toMatchObject({ valid: false, reason });
  });

  it.each([
    // 11 - (sum mod 11): a remainder of 1 gives 10 → X, a remainder of 0 gives 11 → 0.
    ['D2143569', 'X'],
    ['00000000', '0'],
    ['00000001', '9'],
  ])('check character of %s is %s', (body, check) => {
    expect(organizationCodeCheckCharacter(body)).toBe(check);
  });
});

describe('normalizeOrganizationCode', () => {
  it('drops spaces and hyphens (ASCII and full-width) and upper-cases', () => {
    expect(normalizeOrganizationCode(' 9135 0100m000-100Y43－ ')).toBe('91350100M000100Y43');
  });
});
