import type { Core } from '@strapi/strapi';
import config from './config';
import middleware from './middleware';
import services from './services';
import { getService } from './get-service';

export default {
  config,
  services,
  middlewares: { cache: middleware },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'cache').start();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'cache').stop();
  },
};
