import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::power-item.power-item');
