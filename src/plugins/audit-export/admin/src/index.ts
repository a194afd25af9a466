import type * as React from 'react';
import { Download } from '@strapi/icons';

const PLUGIN_ID = 'audit-export';

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: {
    to: string;
    icon: React.ElementType;
    intlLabel: { id: string; defaultMessage: string };
    permissions: { action: string; subject: null }[];
    Component: () => Promise<{ default: React.ComponentType }>;
  }): void;
}

const prefix = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

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
