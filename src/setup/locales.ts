import type { Core } from '@strapi/strapi';

/** Content locales: Simplified Chinese is the default, English the second. */
export const CONTENT_LOCALES = [
  { code: 'zh-Hans', name: '简体中文 (zh-Hans)' },
  { code: 'en', name: 'English (en)' },
] as const;

/**
 * Creates the content locales that are missing. zh-Hans becomes the default only when it is first
 * created, so a default chosen later in Settings → Internationalization survives restarts.
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const { code, name } of CONTENT_LOCALES) {
    if (await locales.findByCode(code)) continue;
    await locales.create({ code, name });
    if (code === 'zh-Hans') await locales.setDefaultLocale({ code });
  }
}
