import { isIsoDate } from '../domain/dates';

/**
 * The shape of what callers send, checked before it reaches the database: query-engine filters
 * (from REST `filters`, GraphQL `filters`, populate filters) and the data of writes. Strapi's own
 * checks let through values the database then refuses with an error (`{ $eq: { $ne: x } }`,
 * `$and` that is not a list, a word compared with a number, a NUL byte on PostgreSQL, an integer
 * past 32 bits): each of those is a 400 naming the parameter here. No Strapi import.
 */

export interface ShapeAttribute {
  type: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  maxLength?: number;
}

/** The attribute `name` of `uid`, or undefined. */
export type AttributeOf = (uid: string, name: string) => ShapeAttribute | undefined;

export class ShapeError extends Error {
  constructor(
    readonly path: string[],
    readonly problem: string,
  ) {
    super(`${path.join('.')} ${problem}`);
  }
}

const COMPARISONS = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte',
  '$contains', '$notContains', '$containsi', '$notContainsi',
  '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
]);
const LISTS = new Set(['$in', '$notIn']);
const PRESENCE = new Set(['$null', '$notNull']);
const LOGICAL = new Set(['$and', '$or']);
const NUMERIC = new Set(['integer', 'biginteger', 'float', 'decimal']);

/** A date as Strapi takes it: YYYY-MM-DD that exists, or an ISO date-time whose date exists. */
const isDateValue = (value: unknown): boolean => typeof value === 'string' && isIsoDate(value.slice(0, 10)) && (value.length === 10 || value[10] === 'T');
const INT32 = { min: -2147483648, max: 2147483647 };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
/** Strapi stores `string` attributes as varchar(255) on PostgreSQL. */
const STRING_COLUMN = 255;
/** Keys a plain object inherits: as attribute names they reach functions, not attributes. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));
/** A value only the server builds (a knex subquery or raw fragment): JSON and query strings cannot make one. */
const isServerBuilt = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainObject(value);
const isScalar = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** The problem with `value` as a value of an attribute of `type`, or null. */
export function scalarProblem(type: string | undefined, value: unknown): string | null {
  if (isServerBuilt(value)) return null;
  if (!isScalar(value)) return 'must be a single value';
  if (typeof value === 'string' && value.includes('\u0000')) return 'must not contain a NUL character';
  if (value === null || type === undefined) return null;
  const text = String(value).trim();
  if (NUMERIC.has(type)) {
    if (typeof value === 'boolean' || text === '' || !Number.isFinite(Number(text))) return 'must be a number';
    if (type === 'integer' && (!Number.isInteger(Number(text)) || Number(text) < INT32.min || Number(text) > INT32.max)) {
      return `must be a whole number from ${INT32.min} to ${INT32.max}`;
    }
    if (type === 'biginteger') {
      if (!/^-?\d+$/.test(text) || BigInt(text) < INT64.min || BigInt(text) > INT64.max) return 'must be a whole number within 64 bits';
    }
  }
  if (type === 'boolean' && !['true', 'false', '1', '0'].includes(text)) return 'must be true or false';
  if (type === 'date' && !isCalendarDate(text)) return 'must be a calendar date (YYYY-MM-DD)';
  if ((type === 'datetime' || type === 'timestamp') && Number.isNaN(Date.parse(text))) return 'must be a date and time';
  return null;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** The type filters on `name` compare with: the attribute's, `id`'s, or none for what Strapi resolves itself. */
function filterType(attributeOf: AttributeOf, uid: string, name: string): ShapeAttribute | undefined {
  if (name === 'id') return { type: 'integer' };
  return attributeOf(uid, name);
}

function checkValue(type: string | undefined, value: unknown, path: string[]) {
  const problem = scalarProblem(type, value);
  if (problem) throw new ShapeError(path, problem);
}

/** Operators applied to one attribute: `{ $eq: 1, $not: { $null: true } }`. */
function checkOperators(type: string | undefined, operators: Record<string, unknown>, path: string[]) {
  for (const [operator, value] of Object.entries(operators)) {
    const at = [...path, operator];
    if (COMPARISONS.has(operator)) checkValue(type, value, at);
    else if (LISTS.has(operator)) {
      if (isServerBuilt(value)) continue;
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, index) => checkValue(type, item, [...at, String(index)]));
    } else if (operator === '$between') {
      if (!Array.isArray(value) || value.length !== 2) throw new ShapeError(at, 'must be a list of two values');
      value.forEach((item, index) => checkValue(type, item, [...at, String(index)]));
    } else if (PRESENCE.has(operator)) checkValue('boolean', value, at);
    else if (operator === '$not') {
      if (!isPlainObject(value)) throw new ShapeError(at, 'must be an object of operators');
      checkOperators(type, value, at);
    } else if (LOGICAL.has(operator)) {
      if (!Array.isArray(value)) throw new ShapeError(at, 'must be a list');
      value.forEach((item, index) => {
        if (!isPlainObject(item)) throw new ShapeError([...at, String(index)], 'must be an object of operators');
        checkOperators(type, item, [...at, String(index)]);
      });
    } else throw new ShapeError(at, 'is not a filter operator');
  }
}

/** Checks a query-engine `where` on `uid`; throws a ShapeError naming the first problem. */
export function checkWhere(attributeOf: AttributeOf, uid: string, where: unknown, path: string[] = ['filters']): void {
  if (!isPlainObject(where)) throw new ShapeError(path, 'must be an object');
  for (const [key, value] of Object.entries(where)) {
    const at = [...path, key];
    if (LOGICAL.has(key)) {
      if (!Array.isArray(value)) throw new ShapeError(at, 'must be a list of filters');
      value.forEach((item, index) => checkWhere(attributeOf, uid, item, [...at, String(index)]));
      continue;
    }
    if (key === '$not') {
      checkWhere(attributeOf, uid, value, at);
      continue;
    }
    if (key.startsWith('$')) {
      // An operator where an attribute is expected applies to the row's id (`{ topic: { $null: true } }`).
      checkOperators('integer', { [key]: value }, path);
      continue;
    }
    if (INHERITED.has(key)) throw new ShapeError(at, 'is not an attribute');
    const attribute = filterType(attributeOf, uid, key);
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
    if (target) {
      // Strapi cannot apply $not inside a relation (a 500 from the database layer); above it, it can.
      if (attribute?.type === 'relation' && isPlainObject(value) && '$not' in value) {
        throw new ShapeError([...at, '$not'], `cannot be used directly on a relation: put it above (filters[$not][${key}]…)`);
      }
      if (isPlainObject(value)) checkWhere(attributeOf, target, value, at);
      else checkValue('integer', value, at);
      continue;
    }
    if (isPlainObject(value)) checkOperators(attribute?.type, value, at);
    else if (Array.isArray(value)) value.forEach((item, index) => checkValue(attribute?.type, item, [...at, String(index)]));
    else checkValue(attribute?.type, value, at);
  }
}

/** The parts of a query-engine query that come from the caller. */
export interface EngineQueryShape {
  where?: unknown;
  populate?: unknown;
  _q?: unknown;
  [key: string]: unknown;
}

/** Pagination in the engine's terms, with the names the caller used. */
const PAGING = { offset: 'start', limit: 'limit', page: 'page', pageSize: 'pageSize' } as const;

function checkPaging(query: Record<string, unknown>, path: string[]): void {
  for (const [key, name] of Object.entries(PAGING)) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const number = Number(value);
    // Rows are counted in 32 bits by the databases' OFFSET and LIMIT; -1 is Strapi's "no limit".
    if (!Number.isSafeInteger(number) || number < -1 || number > INT32.max) {
      throw new ShapeError([...path, 'pagination', name], `must be a whole number from 0 to ${INT32.max}`);
    }
  }
  const page = Number(query.page ?? 1);
  const size = Number(query.pageSize ?? 0);
  if (page * size > INT32.max) throw new ShapeError([...path, 'pagination', 'page'], 'is past the last row there could be');
}

/** Checks the filters and paging of a query-engine query and of its populates, at every depth. */
export function checkQuery(attributeOf: AttributeOf, uid: string, query: EngineQueryShape, path: string[] = []): void {
  checkPaging(query, path);
  if (query._q !== undefined && typeof query._q !== 'string') throw new ShapeError([...path, '_q'], 'must be text');
  if (typeof query._q === 'string' && query._q.includes('\u0000')) throw new ShapeError([...path, '_q'], 'must not contain a NUL character');
  if (query.where !== undefined) checkWhere(attributeOf, uid, query.where, [...path, 'filters']);
  if (!isPlainObject(query.populate)) return;
  for (const [key, value] of Object.entries(query.populate)) {
    const attribute = attributeOf(uid, key);
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
    if (target && isPlainObject(value)) checkQuery(attributeOf, target, value, [...path, 'populate', key]);
  }
}

/**
 * Checks the data of a write on `uid`: no inherited key (`constructor`, `__proto__`) at any
 * depth, no NUL character, numbers that fit their columns, text that fits a string column.
 * Types and required fields are Strapi's validation; this is what it leaves to the database.
 */
export function checkData(attributeOf: AttributeOf, uid: string, data: unknown, path: string[] = ['data']): void {
  if (!isPlainObject(data)) return;
  for (const [key, value] of Object.entries(data)) {
    const at = [...path, key];
    if (INHERITED.has(key) || key === '__proto__') throw new ShapeError(at, 'is not an attribute');
    const attribute = attributeOf(uid, key);
    checkNested(value, at);
    if (!attribute || value === null || value === undefined) continue;
    if (attribute.type === 'component' && attribute.component) {
      const items = attribute.repeatable && Array.isArray(value) ? value : [value];
      items.forEach((item, index) => checkData(attributeOf, attribute.component!, item, attribute.repeatable ? [...at, String(index)] : at));
      continue;
    }
    if (attribute.type === 'relation') checkRelationInput(value, at);
    if (NUMERIC.has(attribute.type) && isScalar(value) && value !== '') checkValue(attribute.type, value, at);
    // Strapi's own answer to a bad date ("Invalid date") does not name the field.
    if (attribute.type === 'date' && value !== '' && !(value instanceof Date) && !isDateValue(value)) throw new ShapeError(at, 'must be a calendar date (YYYY-MM-DD)');
    if (['string', 'email', 'uid', 'password'].includes(attribute.type) && typeof value === 'string' && value.length > (attribute.maxLength ?? STRING_COLUMN)) {
      throw new ShapeError(at, `must be at most ${attribute.maxLength ?? STRING_COLUMN} characters`);
    }
  }
}

const isReference = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));

/**
 * Where a linked row goes in an ordered relation: `{ before | after: <documentId or id> }`, with
 * an optional locale and status, or `{ start | end: true }`. Anything else reached the database
 * layer as a condition (a 500).
 */
function checkPosition(position: unknown, at: string[]): void {
  if (position === undefined) return;
  if (!isPlainObject(position)) throw new ShapeError(at, 'must be { before }, { after }, { start: true } or { end: true }');
  for (const [key, value] of Object.entries(position)) {
    if (key === 'before' || key === 'after') {
      if (!isReference(value)) throw new ShapeError([...at, key], 'must be the documentId (or id) of a linked entry');
    } else if (key === 'start' || key === 'end') {
      if (typeof value !== 'boolean') throw new ShapeError([...at, key], 'must be true or false');
    } else if (key === 'locale' || key === 'status') {
      if (typeof value !== 'string') throw new ShapeError([...at, key], 'must be text');
    } else {
      throw new ShapeError([...at, key], 'is not part of a position (before, after, start, end, locale, status)');
    }
  }
}

/** A relation's value: references, or `{ set, connect, disconnect }` lists of them with positions. */
function checkRelationInput(value: unknown, at: string[]): void {
  if (!isPlainObject(value)) return;
  for (const part of ['connect', 'set', 'disconnect'] as const) {
    const items = value[part];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (isPlainObject(item)) checkPosition(item.position, [...at, part, String(index), 'position']);
    });
  }
}

/** Inherited keys and NUL characters anywhere inside a value (relations, JSON, dynamic zones). */
function checkNested(value: unknown, path: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new ShapeError(path, 'must not contain a NUL character');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkNested(item, [...path, String(index)]));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (INHERITED.has(key) || key === '__proto__') throw new ShapeError([...path, key], 'is not allowed here');
    checkNested(item, [...path, key]);
  }
}
