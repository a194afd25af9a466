import { Clock } from '@strapi/icons';
import { translationsOf, type AdminApp } from '../../../../admin/plugin-kit';
import { PLUGIN_ID } from './pluginId';
import { CasePanel } from './components/CasePanel';

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Clock,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Requests due' },
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
      Component: () => import('./pages/DuePage'),
    });
  },

  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([CasePanel]);
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
