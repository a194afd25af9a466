import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { applyAdminLabels, type AdminLabels } from '../utils/admin-labels';

/**
 * Every type of the app keeps its Content Manager labels beside it, in
 * `src/api/<name>/admin-labels.ts`. They are gathered from the compiled app and set once each (see
 * applyAdminLabels). A plugin sets its own types' labels in its bootstrap.
 */
export async function applyLabelsBesideTypes(strapi: Core.Strapi): Promise<void> {
  const files: string[] = [];
  const api = strapi.dirs.dist.api;
  for (const name of fs.existsSync(api) ? fs.readdirSync(api) : []) files.push(path.join(api, name, 'admin-labels.js'));
  const labels: AdminLabels = {};
  for (const file of files.filter((candidate) => fs.existsSync(candidate))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.assign(labels, (require(file) as { default: AdminLabels }).default);
  }
  await applyAdminLabels(strapi, labels);
}
