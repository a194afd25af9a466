import type { Core } from '@strapi/strapi';
import { ACTIONS, REQUEST_UID } from './constants';
import controllers from './controllers';
import routes from './routes';

export default {
  controllers,
  routes,

  register({ strapi }: { strapi: Core.Strapi }) {
    if (!strapi.contentTypes[REQUEST_UID as never]) throw new Error(`request-desk needs the content type ${REQUEST_UID}`);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  },
};
