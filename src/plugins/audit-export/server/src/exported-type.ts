import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { REQUEST_ATTRIBUTES } from './reader';

interface Attribute {
  type: string;
  target?: string;
  mappedBy?: string;
}

interface Schema {
  attributes: Record<string, Attribute>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: Record<string, unknown>;
}

/** What the exported type says in `pluginOptions["audit-export"]`. */
export interface ExportedTypeOptions {
  /** Its relation to the interpretations counted in each row (解读数, 首篇解读是否及时). */
  interpretations?: string;
}

/** The documents exported are those document-lifecycle manages: their validity and events are its. */
export function exportedType(strapi: Core.Strapi): string {
  const lifecycle = strapi.plugin('document-lifecycle');
  if (!lifecycle) throw new Error(`${PLUGIN_ID} exports the documents of document-lifecycle, which is not installed`);
  return (lifecycle.service('documents') as { type: () => string }).type();
}

/**
 * The exported type's options, checked: `interpretations` must name a relation to a type with
 * draft/publish, a `publishedOn` date and a `timely` boolean.
 */
export function exportedTypeOptions(strapi: Core.Strapi, uid: string): ExportedTypeOptions {
  const schema = strapi.contentType(uid as never) as unknown as Schema;
  const options = (schema.pluginOptions?.[PLUGIN_ID] ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(options).find((key) => key !== 'interpretations');
  if (unknown) throw new Error(`${uid}: pluginOptions["${PLUGIN_ID}"].${unknown} is not an option (interpretations is)`);
  const relation = options.interpretations;
  if (relation === undefined) return {};
  const attribute = typeof relation === 'string' ? schema.attributes[relation] : undefined;
  if (!attribute || attribute.type !== 'relation' || !attribute.target) {
    throw new Error(`${uid}: pluginOptions["${PLUGIN_ID}"].interpretations must name a relation attribute of the type`);
  }
  const target = strapi.contentType(attribute.target as never) as unknown as Schema;
  const problems = [
    target.options?.draftAndPublish === true ? null : 'draft and publish',
    target.attributes.publishedOn?.type === 'date' ? null : 'a publishedOn date',
    target.attributes.timely?.type === 'boolean' ? null : 'a timely boolean',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`${uid}: the interpretations of "${relation}" (${attribute.target}) need ${problems.join(', ')}`);
  return { interpretations: relation as string };
}

/**
 * The type of the request register (`requests` in the configuration), checked: it must have the
 * attributes the register reads and an `organization` relation to the organizations. Null when
 * none is configured.
 */
export function requestType(strapi: Core.Strapi): string | null {
  const uid = strapi.config.get(`plugin::${PLUGIN_ID}.requests`, null) as string | null;
  if (uid === null) return null;
  const schema = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as Schema | undefined;
  if (!schema) throw new Error(`${PLUGIN_ID}: requests names ${uid}, which is not a content type`);
  const missing = REQUEST_ATTRIBUTES.filter((name) => name !== 'documentId' && !schema.attributes[name]);
  const owner = schema.attributes.organization;
  if (!owner || owner.type !== 'relation' || owner.target !== 'api::organization.organization') missing.push('organization' as never);
  if (missing.length > 0) throw new Error(`${PLUGIN_ID}: the request type ${uid} lacks ${missing.join(', ')}`);
  return uid;
}
