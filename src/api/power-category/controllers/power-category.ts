import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::power-category.power-category');
