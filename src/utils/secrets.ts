/**
 * The secrets Strapi signs sessions, tokens and encrypted fields with. A production instance that
 * starts with one of them missing, or still holding the example value, would accept forged admin
 * sessions, so it refuses to start instead.
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
] as const;

export type SecretName = (typeof REQUIRED_SECRETS)[number];

/** Values shipped in `.env.example` and Strapi's own templates. */
const EXAMPLE_VALUE = /tobemodified|changeme|example/i;

/** Names of the required secrets that are missing, empty, or an example value. */
export function unusableSecrets(env: Record<string, string | undefined>): SecretName[] {
  return REQUIRED_SECRETS.filter((name) => {
    const value = env[name]?.trim();
    if (!value) return true;
    const parts = name === 'APP_KEYS' ? value.split(',').map((part) => part.trim()) : [value];
    return parts.some((part) => part === '' || EXAMPLE_VALUE.test(part));
  });
}

/** Throws, naming every unusable secret, when `NODE_ENV` is production. */
export function assertProductionSecrets(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV !== 'production') return;
  const unusable = unusableSecrets(env);
  if (unusable.length > 0) {
    throw new Error(
      `Refusing to start in production: ${unusable.join(', ')} ${
        unusable.length === 1 ? 'is' : 'are'
      } missing or still an example value. Set ${
        unusable.length === 1 ? 'it' : 'them'
      } in the environment (see .env.example).`,
    );
  }
}
