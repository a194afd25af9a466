import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::power-item.power-item');
