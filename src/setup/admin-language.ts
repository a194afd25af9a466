import type { Core } from '@strapi/strapi';

export const ADMIN_LANGUAGE = 'zh-Hans';

/**
 * New admin users see the panel in Chinese: the admin reads the user's `preferedLanguage`
 * (Strapi's spelling) at sign-in.
 */
export function defaultAdminLanguage(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null };
      if (!data.preferedLanguage) data.preferedLanguage = ADMIN_LANGUAGE;
    },
  });
}
