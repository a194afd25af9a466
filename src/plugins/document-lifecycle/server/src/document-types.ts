import type { Core, UID } from '@strapi/strapi';
import { VALIDITIES } from '../../../../domain/lifecycle';
import { enabledTypeOf, findEnabledTypes, isToOne, ofType, type ContentTypeLike } from '../../../../utils/plugin-types';
import { PLUGIN_ID } from './constants';

export type { ContentTypeLike } from '../../../../utils/plugin-types';

const date = { fits: ofType('date'), is: 'a date' };
const text = { fits: ofType('string'), is: 'a string' };

/**
 * What a type needs for the 立改废 lifecycle to manage it: the dates the law attaches to a
 * document, its 文号 and 索引号, the validity the lifecycle keeps, and the organization that
 * issued it (whose code begins the 索引号).
 */
const NEEDS = {
  draftAndPublish: 'a document is registered when first published',
  attributes: {
    title: { fits: ofType('string', 'text'), is: 'a string' },
    documentNumber: text,
    indexNumber: text,
    kind: { fits: ofType('enumeration'), is: 'an enumeration' },
    adoptedOn: date,
    publishedOn: date,
    effectiveFrom: date,
    validUntil: date,
    noLongerInForceOn: date,
    validity: {
      fits: (a: { type: string; enum?: string[] }) => a.type === 'enumeration' && VALIDITIES.every((validity) => a.enum?.includes(validity)),
      is: `an enumeration of ${VALIDITIES.join(', ')}`,
    },
    issuingOrganization: { fits: isToOne('api::organization.organization'), is: 'a to-one relation to api::organization.organization' },
  },
};

/** The content types that enable the lifecycle in their schema's `pluginOptions["document-lifecycle"]`. */
export const findLifecycleTypes = (contentTypes: Record<string, ContentTypeLike | undefined>): string[] => findEnabledTypes(PLUGIN_ID, contentTypes, NEEDS);

/**
 * The content type the lifecycle manages. Its events, periods and routes serve one type; a
 * second type enabling it is refused at start rather than half served.
 */
export const lifecycleTypeOf = (strapi: Core.Strapi): UID.ContentType =>
  enabledTypeOf(strapi, PLUGIN_ID, NEEDS, 'the type of document it manages') as UID.ContentType;
