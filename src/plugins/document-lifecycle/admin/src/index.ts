import { Clock } from '@strapi/icons';
import { translationsOf, type AdminApp } from '../../../../admin/plugin-kit';
import { DOCUMENT_UID, PLUGIN_ID } from './pluginId';
import { LifecyclePanel } from './components/LifecyclePanel';

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Clock,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Document lifecycle' },
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
      Component: () => import('./pages/LifecyclePage'),
    });
  },

  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([LifecyclePanel]);
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};

export { DOCUMENT_UID };
