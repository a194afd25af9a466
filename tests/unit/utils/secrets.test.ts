import { assertProductionSecrets, REQUIRED_SECRETS, unusableSecrets } from '../../../src/utils/secrets';

const good = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, `${name.toLowerCase()}-9f2c1e`]));

describe('unusableSecrets', () => {
  it('accepts real values', () => {
    expect(unusableSecrets(good)).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['the example value', 'tobemodified'],
    ['the example value in another case', 'toBeModified'],
  ])('flags ADMIN_JWT_SECRET when %s', (_case, value) => {
    expect(unusableSecrets({ ...good, ADMIN_JWT_SECRET: value })).toEqual(['ADMIN_JWT_SECRET']);
  });

  it('flags APP_KEYS when any one key is an example or empty', () => {
    expect(unusableSecrets({ ...good, APP_KEYS: 'a8f3k2,toBeModified2' })).toEqual(['APP_KEYS']);
    expect(unusableSecrets({ ...good, APP_KEYS: 'a8f3k2,' })).toEqual(['APP_KEYS']);
  });
});

describe('assertProductionSecrets', () => {
  it('does nothing outside production', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
    expect(() => assertProductionSecrets({})).not.toThrow();
  });

  it('names the one unusable secret in production', () => {
    expect(() => assertProductionSecrets({ ...good, NODE_ENV: 'production', JWT_SECRET: 'tobemodified' })).toThrow(
      'Refusing to start in production: JWT_SECRET is missing or still an example value. Set it in the environment (see .env.example).',
    );
  });

  it('names every unusable secret at once', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'production' })).toThrow(
      `Refusing to start in production: ${REQUIRED_SECRETS.join(', ')} are missing or still an example value.`,
    );
  });

  it('passes in production with real values', () => {
    expect(() => assertProductionSecrets({ ...good, NODE_ENV: 'production' })).not.toThrow();
  });
});
