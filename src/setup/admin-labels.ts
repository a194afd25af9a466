import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { applyAdminLabels, type AdminLabels } from '../utils/admin-labels';

/**
 * Every type keeps its Content Manager labels beside it: `src/api/<name>/admin-labels.ts`, and
 * for a plugin's type `content-types/<name>/admin-labels.ts` in the plugin. They are gathered
 * from the compiled app and set once each (see applyAdminLabels).
 */
export async function applyLabelsBesideTypes(strapi: Core.Strapi): Promise<void> {
  const files: string[] = [];
  const api = strapi.dirs.dist.api;
  for (const name of fs.existsSync(api) ? fs.readdirSync(api) : []) files.push(path.join(api, name, 'admin-labels.js'));
  const plugins = path.join(strapi.dirs.dist.src, 'plugins');
  for (const plugin of fs.existsSync(plugins) ? fs.readdirSync(plugins) : []) {
    const types = path.join(plugins, plugin, 'server', 'src', 'content-types');
    for (const type of fs.existsSync(types) ? fs.readdirSync(types) : []) files.push(path.join(types, type, 'admin-labels.js'));
  }
  const labels: AdminLabels = {};
  for (const file of files.filter((candidate) => fs.existsSync(candidate))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.assign(labels, (require(file) as { default: AdminLabels }).default);
  }
  await applyAdminLabels(strapi, labels);
}
