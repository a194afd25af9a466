import type { Core } from '@strapi/strapi';
import config from './config';
import { graphqlCache, restCache } from './middleware';
import services from './services';
import { getService } from './get-service';

export default {
  config,
  services,
  middlewares: { rest: restCache, graphql: graphqlCache },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'cache').start();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'cache').stop();
  },
};
