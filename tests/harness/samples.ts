import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

interface Attribute {
  type: string;
  required?: boolean;
  unique?: boolean;
  minLength?: number;
  maxLength?: number;
  enum?: string[];
  default?: unknown;
  regex?: string;
}

let serial = 0;

/**
 * Values a content type's own rules need beyond what its schema says (a 文号 in the right form,
 * dates in order). A new organization-owned type works with the schema-derived sample alone
 * unless its rules ask for more; the isolation matrix fails loudly until it gets a sample here.
 */
const EXTRA: Record<string, (n: number, organization: string) => Record<string, unknown>> = {
  'api::policy-interpretation.policy-interpretation': (_n, organization) => ({
    sourceDocuments: [requireSetup(organization).publishedDocument],
  }),
  'api::normative-document.normative-document': (n) => ({
    documentNumber: `并隔发〔2024〕${n}号`,
    adoptedOn: '2024-01-10',
    publishedOn: '2024-01-15',
    effectiveFrom: '2024-02-01',
    validUntil: '2099-12-31',
  }),
};

/** What samples of some types rest on, per organization: made once by `prepareSamples`. */
interface Setup {
  publishedDocument: string;
}
const setups = new Map<string, Setup>();

function requireSetup(organization: string): Setup {
  const setup = setups.get(organization);
  if (!setup) throw new Error(`call prepareSamples for organization ${organization} first`);
  return setup;
}

/** Creates what the samples of an organization rest on, such as a published normative document to interpret. */
export async function prepareSamples(strapi: Core.Strapi, organizationDocumentId: string): Promise<void> {
  const documents = strapi.documents('api::normative-document.normative-document' as never) as unknown as {
    create: (params: object) => Promise<{ documentId: string }>;
    publish: (params: object) => Promise<unknown>;
  };
  serial += 1;
  const created = await documents.create({
    data: { title: `样例依据文件${serial}`, issuingOrganization: organizationDocumentId, ...EXTRA['api::normative-document.normative-document'](serial, organizationDocumentId) },
  });
  await documents.publish({ documentId: created.documentId });
  setups.set(organizationDocumentId, { publishedDocument: created.documentId });
}

function sampleValue(name: string, attribute: Attribute, n: number): unknown {
  switch (attribute.type) {
    case 'string':
    case 'text': {
      const base = `样例${name}${n}${crypto.randomBytes(3).toString('hex')}`;
      return base.slice(0, attribute.maxLength ?? base.length);
    }
    case 'uid':
      return `sample-${name.toLowerCase()}-${n}-${crypto.randomBytes(3).toString('hex')}`;
    case 'enumeration':
      return attribute.default ?? attribute.enum?.[0];
    case 'date':
      return '2024-01-10';
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float':
      return 1;
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

/** A valid record of an organization-owned type for the given organization, derived from its schema. */
export function sampleData(strapi: Core.Strapi, uid: string, owner: string, organizationDocumentId: string): Record<string, unknown> {
  serial += 1;
  const attributes = (strapi.contentTypes as unknown as Record<string, { attributes: Record<string, Attribute> }>)[uid].attributes;
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!attribute.required) continue;
    const value = sampleValue(name, attribute, serial);
    if (value !== undefined) data[name] = value;
  }
  return { ...data, ...(EXTRA[uid]?.(serial, organizationDocumentId) ?? {}), [owner]: organizationDocumentId };
}

/** A field a refused update would have changed: the first plain text attribute. */
export function editableField(strapi: Core.Strapi, uid: string): string {
  const attributes = (strapi.contentTypes as unknown as Record<string, { attributes: Record<string, Attribute> }>)[uid].attributes;
  const found = Object.entries(attributes).find(([, attribute]) => attribute.type === 'string' && !attribute.unique && !attribute.regex);
  if (!found) throw new Error(`${uid} has no plain text attribute for the isolation matrix to try to change`);
  return found[0];
}
