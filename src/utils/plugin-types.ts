/** The parts of a content-type schema a plugin reads to know whether, and how, it applies. */
export interface ContentTypeLike {
  attributes: Record<string, AttributeLike>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: unknown;
}

export interface AttributeLike {
  type: string;
  enum?: string[];
  relation?: string;
  target?: string;
}

/** What a plugin needs of a type that enables it. */
export interface TypeRequirements {
  draftAndPublish?: string;
  /** Each attribute's check and how to say what it must be ("a date"). */
  attributes: Record<string, { fits: (attribute: AttributeLike) => boolean; is: string }>;
}

export const isToOne = (target: string) => (attribute: AttributeLike) =>
  attribute.type === 'relation' && attribute.target === target && (attribute.relation === 'manyToOne' || attribute.relation === 'oneToOne');

export const ofType =
  (...types: string[]) =>
  (attribute: AttributeLike) =>
    types.includes(attribute.type);

/**
 * The content types that opt in to a plugin with `pluginOptions[pluginId].enabled`, as i18n's
 * `localized` is read. A type that opts in without what the plugin needs stops the start with one
 * message naming every problem.
 */
export function findEnabledTypes(pluginId: string, contentTypes: Record<string, ContentTypeLike | undefined>, needs: TypeRequirements): string[] {
  const found: string[] = [];
  for (const [uid, contentType] of Object.entries(contentTypes)) {
    const options = (contentType?.pluginOptions as Record<string, { enabled?: unknown }> | undefined)?.[pluginId];
    if (!contentType || options === undefined) continue;
    // A misspelt option ("enable") would leave the type silently unmanaged.
    const unknown = typeof options === 'object' && options !== null ? Object.keys(options).find((key) => key !== 'enabled') : undefined;
    if (unknown !== undefined) throw new Error(`${uid}: pluginOptions["${pluginId}"] has an unknown key "${unknown}" (its only option is "enabled")`);
    if (options?.enabled === undefined || options.enabled === false) continue;
    if (options.enabled !== true) throw new Error(`${uid}: pluginOptions["${pluginId}"].enabled must be true or false`);
    const problems: string[] = [];
    if (needs.draftAndPublish && contentType.options?.draftAndPublish !== true) problems.push(`draft and publish must be on (${needs.draftAndPublish})`);
    for (const [name, { fits, is }] of Object.entries(needs.attributes)) {
      const attribute = contentType.attributes[name];
      if (!attribute) problems.push(`attribute "${name}" is missing (${is})`);
      else if (!fits(attribute)) problems.push(`attribute "${name}" must be ${is}`);
    }
    if (problems.length > 0) throw new Error(`${uid} enables ${pluginId}, but: ${problems.join('; ')}`);
    found.push(uid);
  }
  return found;
}

const enabledTypes = new WeakMap<object, Map<string, string>>();

/**
 * The one content type of a running Strapi that enables `pluginId`, found and checked on first
 * use and kept: a refusal for a type that lacks what the plugin needs, for none, or for several.
 */
export function enabledTypeOf(
  strapi: { contentTypes: unknown },
  pluginId: string,
  needs: TypeRequirements,
  what: string,
): string {
  let known = enabledTypes.get(strapi);
  if (!known) enabledTypes.set(strapi, (known = new Map()));
  let uid = known.get(pluginId);
  if (!uid) {
    uid = theEnabledType(pluginId, findEnabledTypes(pluginId, strapi.contentTypes as Record<string, ContentTypeLike>, needs), what);
    known.set(pluginId, uid);
  }
  return uid;
}

/** The one type that enables a plugin which serves one; a clear refusal for none or several. */
export function theEnabledType(pluginId: string, types: string[], what: string): string {
  if (types.length === 1) return types[0];
  throw new Error(
    types.length === 0
      ? `${pluginId}: no content type enables it; set pluginOptions["${pluginId}"] = { "enabled": true } in the schema of ${what}`
      : `${pluginId} serves one content type, but ${types.join(' and ')} enable it`,
  );
}
