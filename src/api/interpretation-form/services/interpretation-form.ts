import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::interpretation-form.interpretation-form');
