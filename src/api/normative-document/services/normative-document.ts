import { factories } from '@strapi/strapi';

const UID = 'api::normative-document.normative-document';

/** Lists carry what a results page shows; the detail view adds the rest. */
export const LIST_POPULATE = {
  issuingOrganization: { fields: ['documentId', 'name', 'shortName', 'code'] },
  topic: { fields: ['documentId', 'name', 'code'] },
};

export const SHALLOW_POPULATE = {
  issuingOrganization: { fields: ['documentId', 'name', 'shortName', 'code'] },
  coIssuers: { fields: ['documentId', 'name', 'shortName', 'code'] },
  topic: { fields: ['documentId', 'name', 'code'] },
  attachments: { fields: ['documentId', 'name', 'url', 'mime', 'size', 'ext'] },
  basedOn: { fields: ['documentId', 'title', 'documentNumber', 'validity'] },
  basisFor: { fields: ['documentId', 'title', 'documentNumber', 'validity'] },
  interpretations: { fields: ['documentId', 'title', 'slug', 'publishedOn', 'lagWorkingDays', 'timely'], populate: { form: { fields: ['code', 'name'] } } },
};

// Validity labels, lifecycle links and point-in-time validity are document-lifecycle's
// (`getService(strapi, 'documents').decorate`).
export default factories.createCoreService(UID);
