import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::interpretation-form.interpretation-form');
