import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, RECORD_UID } from './constants';
import { exportedType, exportedTypeOptions, requestType } from './exported-type';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

const CHANGES = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

export default {
  config: {
    // publicPath: where the public site shows a document, for the export's URL column.
    // maxConcurrent: exports written at once (each in its own process); more are answered 429.
    // requests: the type of requests (依申请公开) whose register is exported, or null for none.
    default: { publicPath: '/zhengce/{slug}', maxConcurrent: 2, requests: null },
    validator(config: { publicPath?: unknown; maxConcurrent?: unknown; requests?: unknown }) {
      if (typeof config.publicPath !== 'string' || !config.publicPath.includes('{slug}')) {
        throw new Error('audit-export: publicPath must be a path containing {slug}');
      }
      if (!Number.isInteger(config.maxConcurrent) || (config.maxConcurrent as number) < 1) {
        throw new Error('audit-export: maxConcurrent must be a whole number of at least 1');
      }
      if (config.requests !== null && typeof config.requests !== 'string') throw new Error('audit-export: requests must be the uid of a content type, or null');
    },
  },
  contentTypes,
  controllers,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    // The export log is evidence: entries are added by the exports, never changed or removed.
    strapi.documents.use(async (context, next) => {
      if (context.uid !== RECORD_UID) return next();
      if (CHANGES.has(context.action)) throw new errors.ForbiddenError('Export records cannot be changed or deleted');
      return next();
    });
    if (strapi.plugin('graphql')) strapi.plugin('graphql').service('extension').shadowCRUD(RECORD_UID).disable();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // What it exports, and with which interpretations, is read from the schemas: checked at start.
    exportedTypeOptions(strapi, exportedType(strapi));
    requestType(strapi);
    await strapi.service('admin::permission').actionProvider.registerMany([
      { section: 'plugins', displayName: '导出文件状态、变更记录和依申请公开登记', uid: 'export', pluginName: PLUGIN_ID },
      { section: 'plugins', displayName: '查看导出记录', uid: 'read-log', pluginName: PLUGIN_ID },
    ]);
  },
};
