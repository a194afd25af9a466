import type { Core, UID } from '@strapi/strapi';
import { VALIDITIES } from '../../../../domain/lifecycle';
import { PLUGIN_ID } from './constants';

const ORGANIZATION_UID = 'api::organization.organization';

interface AttributeLike {
  type: string;
  enum?: string[];
  relation?: string;
  target?: string;
}

/** The parts of a content-type schema the lifecycle reads. */
export interface ContentTypeLike {
  attributes: Record<string, AttributeLike>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: unknown;
}

/**
 * What a type needs for the 立改废 lifecycle to manage it: the dates the law attaches to a
 * document, its 文号 and 索引号, the validity the lifecycle keeps, and the organization that
 * issued it (whose code begins the 索引号).
 */
const REQUIRED: Record<string, (attribute: AttributeLike) => boolean> = {
  title: (a) => a.type === 'string' || a.type === 'text',
  documentNumber: (a) => a.type === 'string',
  indexNumber: (a) => a.type === 'string',
  kind: (a) => a.type === 'enumeration',
  adoptedOn: (a) => a.type === 'date',
  publishedOn: (a) => a.type === 'date',
  effectiveFrom: (a) => a.type === 'date',
  validUntil: (a) => a.type === 'date',
  noLongerInForceOn: (a) => a.type === 'date',
  validity: (a) => a.type === 'enumeration' && VALIDITIES.every((validity) => a.enum?.includes(validity)),
  issuingOrganization: (a) => a.type === 'relation' && a.target === ORGANIZATION_UID && (a.relation === 'manyToOne' || a.relation === 'oneToOne'),
};

const DESCRIBED: Record<string, string> = {
  title: 'a string',
  validity: `an enumeration of ${VALIDITIES.join(', ')}`,
  kind: 'an enumeration',
  issuingOrganization: `a to-one relation to ${ORGANIZATION_UID}`,
  documentNumber: 'a string',
  indexNumber: 'a string',
};

/**
 * The content types that opt in to the lifecycle with `pluginOptions["document-lifecycle"].enabled`,
 * as i18n's `localized` is read. A type that opts in without what the lifecycle needs stops the
 * start with a message naming each attribute.
 */
export function findLifecycleTypes(contentTypes: Record<string, ContentTypeLike | undefined>): string[] {
  const found: string[] = [];
  for (const [uid, contentType] of Object.entries(contentTypes)) {
    const options = (contentType?.pluginOptions as Record<string, { enabled?: unknown }> | undefined)?.[PLUGIN_ID];
    if (!contentType || options?.enabled === undefined || options.enabled === false) continue;
    if (options.enabled !== true) throw new Error(`${uid}: pluginOptions["${PLUGIN_ID}"].enabled must be true or false`);
    const problems: string[] = [];
    if (contentType.options?.draftAndPublish !== true) problems.push('draft and publish must be on (a document is registered when first published)');
    for (const [name, fits] of Object.entries(REQUIRED)) {
      const attribute = contentType.attributes[name];
      if (!attribute) problems.push(`attribute "${name}" is missing (${DESCRIBED[name] ?? 'a date'})`);
      else if (!fits(attribute)) problems.push(`attribute "${name}" must be ${DESCRIBED[name] ?? 'a date'}`);
    }
    if (problems.length > 0) throw new Error(`${uid} enables ${PLUGIN_ID}, but: ${problems.join('; ')}`);
    found.push(uid);
  }
  return found;
}

const cache = new WeakMap<object, UID.ContentType>();

/**
 * The content type the lifecycle manages. Its events, periods and routes serve one type; a
 * second type enabling it is refused at start rather than half served.
 */
export function lifecycleTypeOf(strapi: Core.Strapi): UID.ContentType {
  const known = cache.get(strapi);
  if (known) return known;
  const types = findLifecycleTypes(strapi.contentTypes as unknown as Record<string, ContentTypeLike>);
  if (types.length !== 1) {
    throw new Error(
      types.length === 0
        ? `${PLUGIN_ID}: no content type enables it; set pluginOptions["${PLUGIN_ID}"] = { "enabled": true } in the schema of the type it manages`
        : `${PLUGIN_ID} manages one content type, but ${types.join(' and ')} enable it`,
    );
  }
  const uid = types[0] as UID.ContentType;
  cache.set(strapi, uid);
  return uid;
}
