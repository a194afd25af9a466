import type * as React from 'react';

/** The part of Strapi's admin application our plugins register with. */
export interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: {
    to: string;
    icon: React.ElementType;
    intlLabel: { id: string; defaultMessage: string };
    permissions: { action: string; subject: null }[];
    Component: () => Promise<{ default: React.ComponentType }>;
  }): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

/**
 * A plugin's `registerTrads`: its translation file for each locale (none is no translation), keys
 * prefixed with the plugin's id as the admin expects. `load` is the plugin's own dynamic import, so
 * the bundler finds the files beside the plugin.
 */
export function translationsOf(pluginId: string, load: (locale: string) => Promise<{ default: Record<string, string> }>) {
  return async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await load(locale);
          return { data: Object.fromEntries(Object.entries(data).map(([key, value]) => [`${pluginId}.${key}`, value])), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
}
