import type { StrapiApp } from '@strapi/strapi/admin';
import { withDocumentVersions } from './document-versions';

const LANGUAGE_KEY = 'strapi-admin-language';

// The panel picks its language from this key before anyone signs in; editors here work in
// Chinese, so that is the default until someone chooses otherwise on their profile page.
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
}

if (typeof window !== 'undefined') window.fetch = withDocumentVersions(window.fetch.bind(window));

export default {
  config: {
    locales: ['zh-Hans', 'en'],
    translations: {
      'zh-Hans': {
        'Auth.form.welcome.title': '欢迎使用政务公开平台',
        'Auth.form.welcome.subtitle': '登录您的账户',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
