import type { Core } from '@strapi/strapi';
import { addDays, chinaToday } from '../../src/domain/dates';

/** A date `days` from today in China, for tests about windows that move with the calendar. */
export const inDays = (days: number) => addDays(chinaToday(new Date()), days);

let serial = 0;

export interface DocumentInput {
  title?: string;
  documentNumber?: string;
  kind?: 'regulation' | 'normative_document' | 'policy_document';
  issuingOrganization: string;
  adoptedOn?: string;
  publishedOn?: string;
  effectiveFrom?: string;
  validUntil?: string;
  disclosureMode?: 'proactive' | 'on_request' | 'not_disclosed';
  body?: string;
}

/** A draft normative document through the Document Service (so the lifecycle rules apply). */
export async function createDocumentDraft(strapi: Core.Strapi, input: DocumentInput) {
  serial += 1;
  return strapi.documents('api::normative-document.normative-document').create({
    data: {
      title: input.title ?? `太原市测试管理办法${serial}`,
      documentNumber: input.documentNumber ?? `并测发〔2024〕${serial}号`,
      kind: input.kind ?? 'normative_document',
      issuingOrganization: input.issuingOrganization,
      adoptedOn: input.adoptedOn ?? '2024-01-10',
      // Published a few days after adoption, as documents are, rather than on the day the test runs.
      publishedOn: input.publishedOn ?? addDays(input.adoptedOn ?? '2024-01-10', 5),
      effectiveFrom: input.effectiveFrom ?? '2024-02-01',
      // Far ahead unless a test sets it (or passes undefined for the default term), so tests keep
      // their meaning as the years go by.
      validUntil: 'validUntil' in input ? input.validUntil : '2099-12-31',
      disclosureMode: input.disclosureMode ?? 'proactive',
      body: input.body,
    },
  });
}

/** Creates and publishes a document; returns its documentId. */
export async function publishDocument(strapi: Core.Strapi, input: DocumentInput): Promise<string> {
  const draft = await createDocumentDraft(strapi, input);
  await strapi.documents('api::normative-document.normative-document').publish({ documentId: draft.documentId });
  return draft.documentId;
}
