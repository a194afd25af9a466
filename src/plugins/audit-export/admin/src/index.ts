import { Download } from '@strapi/icons';
import { translationsOf, type AdminApp } from '../../../../admin/plugin-kit';

const PLUGIN_ID = 'audit-export';

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Download,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Audit export' },
      permissions: [{ action: `plugin::${PLUGIN_ID}.export`, subject: null }],
      Component: () => import('./pages/ExportPage'),
    });
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
