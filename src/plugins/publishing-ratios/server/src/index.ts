import type { Core } from '@strapi/strapi';
import config from './config';
import controllers from './controllers';
import { ratiosMiddleware } from './document-middleware';
import { registerGraphql } from './graphql';
import routes from './routes';
import services from './services';

export default {
  config,
  controllers,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(ratiosMiddleware(strapi));
    if (strapi.plugin('graphql')) registerGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([
      { section: 'plugins', displayName: '查看政策解读发布比例', uid: 'read', pluginName: 'publishing-ratios' },
    ]);
  },
};
