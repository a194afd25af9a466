import type { Core } from '@strapi/strapi';
import config from './config';
import controllers from './controllers';
import { ratiosMiddleware } from './document-middleware';
import { registerGraphql } from './graphql';
import { interpretationTypeOf } from './interpretation-type';
import routes from './routes';
import services from './services';

export default {
  config,
  controllers,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    // The type it counts is read from the schemas now, so a wrong one stops the start with its reasons.
    interpretationTypeOf(strapi);
    strapi.documents.use(ratiosMiddleware(strapi));
    if (strapi.plugin('graphql')) registerGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([
      { section: 'plugins', displayName: '查看政策解读发布比例', uid: 'read', pluginName: 'publishing-ratios' },
    ]);
  },
};
