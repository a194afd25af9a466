import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::power-category.power-category');
