import type { Core } from '@strapi/strapi';
import { isToOne } from '../../../../utils/plugin-types';
import { ORGANIZATION_UID, PLUGIN_ID } from './constants';

/** A content type whose records belong to one organization, named by its owner attribute. */
export interface OwnedType {
  uid: string;
  owner: string;
  draftAndPublish: boolean;
}

/** The parts of a content-type schema ownership is read from. */
export interface ContentTypeLike {
  attributes: Record<string, unknown>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: unknown;
}

interface RelationAttribute {
  type: string;
  relation?: string;
  target?: string;
}

const toOneOrganization = isToOne(ORGANIZATION_UID);
const isToOneOrganization = (attribute: RelationAttribute | undefined): boolean => attribute !== undefined && toOneOrganization(attribute);

/**
 * Which content types are organization-owned, read from their schemas so a type added later is
 * isolated without anyone remembering to list it: an `api::` type is owned through the attribute
 * named in `pluginOptions["organization-access"].owner`, or else through a to-one relation to
 * organizations named `organization`. A type that relates to one organization any other way must
 * say which attribute owns it (or `"owner": false`); start-up refuses to guess.
 */
export function findOwnedTypes(contentTypes: Record<string, ContentTypeLike | undefined>): Map<string, OwnedType> {
  const owned = new Map<string, OwnedType>();
  for (const [uid, contentType] of Object.entries(contentTypes)) {
    if (!contentType || !uid.startsWith('api::') || uid === ORGANIZATION_UID) continue;
    const attributes = contentType.attributes as Record<string, RelationAttribute>;
    const declared = (contentType.pluginOptions as Record<string, { owner?: string | false }> | undefined)?.[PLUGIN_ID]?.owner;
    let owner: string | undefined;
    if (declared === false) continue;
    if (typeof declared === 'string') {
      if (!isToOneOrganization(attributes[declared])) {
        throw new Error(`${uid}: owner "${declared}" must be a to-one relation to ${ORGANIZATION_UID}`);
      }
      owner = declared;
    } else if (isToOneOrganization(attributes.organization)) {
      owner = 'organization';
    } else {
      const ambiguous = Object.entries(attributes).find(([, attribute]) => isToOneOrganization(attribute));
      if (ambiguous) {
        throw new Error(
          `${uid} relates to one organization through "${ambiguous[0]}" but does not say whether that makes it ` +
            `organization-owned: set pluginOptions["${PLUGIN_ID}"].owner to the owning attribute, or to false`,
        );
      }
    }
    if (owner) owned.set(uid, { uid, owner, draftAndPublish: contentType.options?.draftAndPublish === true });
  }
  return owned;
}

const cache = new WeakMap<object, Map<string, OwnedType>>();

/** The organization-owned types of a running Strapi, read from its schemas on first use. */
export function ownedTypesOf(strapi: Core.Strapi): Map<string, OwnedType> {
  let types = cache.get(strapi);
  if (!types) {
    types = findOwnedTypes(strapi.contentTypes as unknown as Record<string, ContentTypeLike>);
    cache.set(strapi, types);
  }
  return types;
}
