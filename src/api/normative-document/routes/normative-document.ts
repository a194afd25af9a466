import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::normative-document.normative-document');
