import { DOCUMENT_UID, PLUGIN_ID } from './pluginId';
import { LifecyclePanel } from './components/LifecyclePanel';

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

const prefix = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([LifecyclePanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefix(data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};

export { DOCUMENT_UID };
