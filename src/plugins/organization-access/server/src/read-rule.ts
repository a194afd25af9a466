/**
 * The read rule, as pure functions over schema facts: which rows of a model a caller may read,
 * and how a query-engine query (its where, sort and populate, at any depth) is narrowed so that a
 * row the caller may not read at the top level cannot be read, counted, filtered or sorted on
 * through a relation either. No Strapi import: the plugin feeds it the models and the scope.
 */

/** Which organizations' content an actor reaches: every organization, or these ids. */
export type Reach = 'all' | number[];

/** The part of a caller's scope that decides what it reads. */
export interface ReadScope {
  read: Reach;
  /** Drafts and 不予公开 rows: admin users and full-access or custom tokens; not the public. */
  mayReadUnpublished: boolean;
}

/** What the rule needs to know of one content type or component. */
export interface ReadModel {
  draftAndPublish: boolean;
  /** Has a `disclosureMode` attribute, whose `not_disclosed` rows the public never reads. */
  disclosure: boolean;
  /** The to-one relation to organizations that owns its rows, for organization-owned types. */
  owner?: string;
  /** Relation and component attributes, by name, with the uid they lead to. */
  links: Record<string, string>;
}

export type Where = Record<string, unknown>;
export type Models = ReadonlyMap<string, ReadModel>;

export const NOT_DISCLOSED = 'not_disclosed';

export const isUnrestricted = (scope: ReadScope): boolean => scope.read === 'all' && scope.mayReadUnpublished;

/** The condition a row of `model` must meet to be readable, or null when every row is. */
export function readConditions(model: ReadModel | undefined, scope: ReadScope): Where | null {
  if (!model) return null;
  const conditions: Where[] = [];
  if (!scope.mayReadUnpublished) {
    if (model.draftAndPublish) conditions.push({ publishedAt: { $notNull: true } });
    if (model.disclosure) conditions.push({ disclosureMode: { $ne: NOT_DISCLOSED } });
  }
  // An empty `$in` matches nothing, which is right for an actor bound to no organization.
  if (scope.read !== 'all' && model.owner) conditions.push({ [model.owner]: { id: { $in: scope.read } } });
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

/** Both conditions, either of which may be absent. */
export function both(left: Where | null | undefined, right: Where | null | undefined): Where | null {
  const present = [left, right].filter((where): where is Where => !!where && Object.keys(where).length > 0);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0] : { $and: present };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `where` with the target's read condition added wherever it walks through a relation, so a
 * filter on a relation only ever sees the rows the caller could read themselves.
 */
export function restrictWhere(uid: string, where: unknown, models: Models, scope: ReadScope): unknown {
  if (Array.isArray(where)) return where.map((part) => restrictWhere(uid, part, models, scope));
  if (!isObject(where)) return where;
  const model = models.get(uid);
  const result: Record<string, unknown> = {};
  const absent: Where[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' || key === '$or' || key === '$not') {
      result[key] = restrictWhere(uid, value, models, scope);
      continue;
    }
    const target = model?.links[key];
    if (!target) {
      result[key] = value;
      continue;
    }
    const inner = isObject(value) ? restrictWhere(target, value, models, scope) : value;
    const condition = readConditions(models.get(target), scope);
    if (!condition) {
      result[key] = inner;
      continue;
    }
    // A bare value on a relation (`{ topic: 3 }`) compares its id: keep it beside the condition.
    if (!isObject(inner)) {
      result[key] = { $and: [{ id: inner }, condition] };
      continue;
    }
    const { fields, ids, none } = onRelation(inner);
    // "No related row" means no row the caller could read: there is no readable one.
    if (none) absent.push({ $not: { [key]: { $and: [{ id: { $notNull: true } }, condition] } } });
    const parts = [...(Object.keys(fields).length > 0 ? [fields] : []), ...ids];
    if (parts.length > 0 || !none) result[key] = { $and: [...parts, condition] };
  }
  if (absent.length === 0) return result;
  const all = [...(Object.keys(result).length > 0 ? [result] : []), ...absent];
  return all.length === 1 ? all[0] : { $and: all };
}

/**
 * Operators written on a relation itself apply to the related rows' ids (`{ $in: [3, 4] }`) or to
 * whether there is one (`{ $null: true }`, Strapi's truthiness). Beside a read condition they must
 * name the id, and "none" becomes a negation above the relation.
 */
function onRelation(inner: Record<string, unknown>): { fields: Record<string, unknown>; ids: Where[]; none: boolean } {
  const fields: Record<string, unknown> = {};
  const ids: Where[] = [];
  let none = false;
  for (const [key, operand] of Object.entries(inner)) {
    if (key === '$null' || key === '$notNull') {
      if ((key === '$null') === Boolean(operand)) none = true;
      else ids.push({ id: { $notNull: true } });
    } else if (key.startsWith('$') && key !== '$and' && key !== '$or' && key !== '$not') {
      ids.push({ id: { [key]: operand } });
    } else {
      fields[key] = operand;
    }
  }
  return { fields, ids, none };
}

/** The first relation in a sort that leads to rows the caller may not read all of, if any. */
export function forbiddenSortPath(uid: string, orderBy: unknown, models: Models, scope: ReadScope, prefix: string[] = []): string | null {
  if (Array.isArray(orderBy)) {
    for (const part of orderBy) {
      const found = forbiddenSortPath(uid, part, models, scope, prefix);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(orderBy)) return null;
  const model = models.get(uid);
  for (const [key, value] of Object.entries(orderBy)) {
    const target = model?.links[key];
    if (!target) continue;
    const path = [...prefix, key];
    if (readConditions(models.get(target), scope)) return path.join('.');
    const found = forbiddenSortPath(target, value, models, scope, path);
    if (found) return found;
  }
  return null;
}

/** A query-engine query as the query-params transform produces it. */
export interface EngineQuery {
  where?: unknown;
  orderBy?: unknown;
  populate?: unknown;
  [key: string]: unknown;
}

export class ForbiddenSortError extends Error {
  constructor(readonly path: string) {
    super(`sort cannot go through ${path}`);
  }
}

/**
 * Narrows every filter and populate of `query` on `uid` to what the caller may read. The rows
 * themselves are narrowed by the engine's `filters` hook, which the caller of this function
 * installs (it applies to every nested populate as well); this handles what that hook cannot
 * reach: conditions and sorts that join through relations.
 */
export function restrictQuery(uid: string, query: EngineQuery, models: Models, scope: ReadScope): EngineQuery {
  const sortPath = forbiddenSortPath(uid, query.orderBy, models, scope);
  if (sortPath) throw new ForbiddenSortError(sortPath);
  const restricted: EngineQuery = { ...query };
  if (query.where !== undefined) restricted.where = restrictWhere(uid, query.where, models, scope);
  if (isObject(query.populate)) {
    const model = models.get(uid);
    const populate: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(query.populate)) {
      const target = model?.links[key];
      populate[key] = target && isObject(value) ? restrictQuery(target, value as EngineQuery, models, scope) : value;
    }
    restricted.populate = populate;
  }
  return restricted;
}
