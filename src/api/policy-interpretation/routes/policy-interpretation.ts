import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::policy-interpretation.policy-interpretation');
