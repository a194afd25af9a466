import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::interpretation-form.interpretation-form');
