import type { Core } from '@strapi/strapi';

/**
 * Whether the public may register site-user accounts (`POST /api/auth/local/register`), from
 * configuration (SITE_USER_REGISTRATION), applied at every start: off unless the platform says so.
 */
export async function applySiteUserRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  const allowed = (strapi.config.get('gongkai.siteUsers.registration', false) as boolean) === true;
  if (advanced.allow_register !== allowed) await store.set({ value: { ...advanced, allow_register: allowed } });
}
