import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { JoinTable } from './documents';
import { preparedReads, type PreparedReads } from './prepared-read';

interface Field {
  fromDB(value: unknown): unknown;
}

/**
 * Strapi's own conversion of each attribute type from its stored value, so that rows read with
 * knex come out exactly as the query engine gives them (dates, datetimes, booleans, numbers, JSON)
 * on SQLite and PostgreSQL alike. @strapi/database 5.54 does not export it by name.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createField } = require('@strapi/database/dist/fields/index.js') as { createField: (attribute: { type: string }) => Field };

interface AttributeMeta {
  type: string;
  columnName?: string;
  joinTable?: JoinTable;
}

/** Where one content type's rows are, from Strapi's metadata. */
export function tableOf(strapi: Core.Strapi, uid: string) {
  const meta = strapi.db.metadata.get(uid) as unknown as { tableName: string; attributes: Record<string, AttributeMeta> };
  const attribute = (name: string): AttributeMeta => {
    const found = meta.attributes[name];
    if (!found) throw new Error(`${uid} has no attribute ${name}`);
    return found;
  };
  return {
    table: meta.tableName,
    column: (name: string): string => attribute(name).columnName ?? name,
    join: (name: string): JoinTable => {
      const { joinTable } = attribute(name);
      if (!joinTable) throw new Error(`${uid}.${name} has no link table`);
      return joinTable;
    },
    attribute,
  };
}

export type Table = ReturnType<typeof tableOf>;

/**
 * Reads the given attributes of `uid` under the table alias `alias`: `select` goes into a knex
 * query (each column under an alias of its own, so several tables can share one row), and `read`
 * turns a result row into the attributes with their values as the query engine gives them, or
 * null when the row's `id` is null (an absent left join).
 */
export function rowReader(strapi: Core.Strapi, uid: string, attributes: readonly string[], alias: string) {
  const table = tableOf(strapi, uid);
  const fields = attributes.map((name, index) => ({ name, as: `${alias}_${index}`, field: createField(table.attribute(name)) }));
  const select = Object.fromEntries(attributes.map((name, index) => [`${alias}_${index}`, `${alias}.${table.column(name)}`]));
  const idColumn = fields.find((entry) => entry.name === 'id')?.as;
  return {
    select,
    read(row: Record<string, unknown>): Record<string, unknown> | null {
      if (idColumn && (row[idColumn] === null || row[idColumn] === undefined)) return null;
      const out: Record<string, unknown> = {};
      for (const { name, as, field } of fields) {
        const value = row[as];
        out[name] = value === null || value === undefined ? null : field.fromDB(value);
      }
      return out;
    },
  };
}

/** What to read of a relation: its fields (`id` and `documentId` are always read) and relations below it, as in a Document Service `populate`. */
export interface RelationRead {
  fields: readonly string[];
  populate?: Record<string, RelationRead>;
}

type Readable = (uid: string, alias: string) => Knex.Raw | null;

/** What a caller may read, as SQL for a table under an alias, and a key that tells such rules apart. */
export interface ReadRule {
  key: string;
  sql: Readable;
}

const preparedByServer = new WeakMap<Core.Strapi, PreparedReads>();
/** One set of prepared reads per server: their SQL is that server's database's. */
export const preparedReadsOf = (strapi: Core.Strapi): PreparedReads => {
  let reads = preparedByServer.get(strapi);
  if (!reads) preparedByServer.set(strapi, (reads = preparedReads(() => strapi.db.connection)));
  return reads;
};

interface RelationMeta {
  type: string;
  relation?: string;
  target?: string;
  morphBy?: string;
  joinTable?: JoinTable & { orderColumnName?: string; on?: Record<string, unknown> };
}

interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
  orderBy?: Record<string, 'asc' | 'desc'>;
}

const TO_ONE = new Set(['oneToOne', 'manyToOne', 'morphOne']);

/**
 * Adds a to-one relation of the rows read under `ownerAlias` to `builder` as left joins (one row
 * per owner row still), with only the targets `readable` allows, and returns how to read it from
 * a result row: the target's fields, or null when there is none the caller may read.
 */
export function joinToOne(
  strapi: Core.Strapi,
  builder: Knex.QueryBuilder,
  owner: { uid: string; alias: string },
  attribute: string,
  read: RelationRead,
  readable: Readable,
): (row: Record<string, unknown>) => Record<string, unknown> | null {
  const meta = tableOf(strapi, owner.uid).attribute(attribute) as RelationMeta;
  if (!meta.target || !meta.joinTable || !TO_ONE.has(meta.relation ?? '') || read.populate) {
    throw new Error(`${owner.uid}.${attribute} is not a to-one relation read without relations below it`);
  }
  const alias = `${owner.alias}_${attribute}`;
  const link = meta.joinTable;
  const target = tableOf(strapi, meta.target);
  const reader = rowReader(strapi, meta.target, fieldsToRead(strapi, meta.target, read), alias);
  const condition = readable(meta.target, alias);
  builder
    .leftJoin(`${link.name} as ${alias}_l`, `${alias}_l.${link.joinColumn.name}`, `${owner.alias}.id`)
    .leftJoin(`${target.table} as ${alias}`, function readableTarget() {
      this.on(`${alias}.id`, `${alias}_l.${link.inverseJoinColumn.name}`);
      if (condition) this.andOn(condition);
    })
    .select(reader.select);
  return (row) => reader.read(row);
}

/** The Document Service reads `id` and `documentId` whatever fields are asked for. */
function fieldsToRead(strapi: Core.Strapi, uid: string, read: RelationRead): string[] {
  const always = 'documentId' in (strapi.db.metadata.get(uid) as unknown as { attributes: object }).attributes ? ['id', 'documentId'] : ['id'];
  return [...new Set([...always, ...read.fields])];
}

/**
 * The rows of `attribute`'s target linked from the given rows of `uid`, each row's own in the
 * order Strapi keeps them (the link table's order column, or a media field's order), with only
 * the targets `readable` allows: the same rows a Document Service populate returns for the same
 * fields, read with one query per relation.
 */
export async function linkedRows(
  strapi: Core.Strapi,
  uid: string,
  attribute: string,
  ownerIds: readonly number[],
  read: RelationRead,
  readable: ReadRule,
): Promise<Map<number, Record<string, unknown>[]>> {
  const byOwner = new Map<number, Record<string, unknown>[]>();
  if (ownerIds.length === 0) return byOwner;
  const meta = tableOf(strapi, uid).attribute(attribute) as RelationMeta;
  if (!meta.target) throw new Error(`${uid}.${attribute} is not a relation`);
  const target = tableOf(strapi, meta.target);
  const targetUid = meta.target;
  // Relations below that are to-one and end there are joined in; the others take a query each.
  const separate = Object.entries(read.populate ?? {}).filter(([name, below]) => !(isToOne(strapi, targetUid, name) && !below.populate));

  const shape = `linked ${uid}.${attribute} ${JSON.stringify(read)} ${readable.key} ${ownerIds.length}`;
  const targets = await preparedReadsOf(strapi)(shape, ownerIds, (owners) => {
    const reader = rowReader(strapi, targetUid, fieldsToRead(strapi, targetUid, read), 't');
    const query = strapi.db.connection(`${target.table} as t`).select(reader.select);
    const joined: [string, (row: Record<string, unknown>) => Record<string, unknown> | null][] = [];
    for (const [name, below] of Object.entries(read.populate ?? {})) {
      if (isToOne(strapi, targetUid, name) && !below.populate) joined.push([name, joinToOne(strapi, query, { uid: targetUid, alias: 't' }, name, below, readable.sql)]);
    }
    if (meta.morphBy) {
      // A media field: the file's morph link table names the owner's type and the field.
      const link = (tableOf(strapi, targetUid).attribute(meta.morphBy) as unknown as { joinTable: MorphJoinTable }).joinTable;
      query
        .join(`${link.name} as l`, 't.id', `l.${link.joinColumn.name}`)
        .where(`l.${link.morphColumn.typeColumn.name}`, uid)
        .where('l.field', attribute)
        .whereIn(`l.${link.morphColumn.idColumn.name}`, owners)
        .select({ owner: `l.${link.morphColumn.idColumn.name}` });
      for (const [column, direction] of Object.entries(link.orderBy ?? {})) query.orderBy(`l.${column}`, direction);
    } else {
      const link = meta.joinTable;
      if (!link) throw new Error(`${uid}.${attribute} has no link table`);
      query
        .join(`${link.name} as l`, 't.id', `l.${link.inverseJoinColumn.name}`)
        .whereIn(`l.${link.joinColumn.name}`, owners)
        .select({ owner: `l.${link.joinColumn.name}` });
      if (link.orderColumnName) query.orderBy(`l.${link.orderColumnName}`, 'asc');
    }
    const condition = readable.sql(targetUid, 't');
    if (condition) query.where(condition);
    return {
      query,
      read: (row: Record<string, unknown>) => {
        const value = reader.read(row) as Record<string, unknown>;
        for (const [name, readJoined] of joined) value[name] = readJoined(row);
        return { owner: Number(row.owner), value };
      },
    };
  });
  for (const [name, below] of separate) {
    const nested = await linkedRows(strapi, targetUid, name, [...new Set(targets.map((entry) => entry.value.id as number))], below, readable);
    const toOne = TO_ONE.has((target.attribute(name) as RelationMeta).relation ?? '');
    for (const { value } of targets) value[name] = toOne ? (nested.get(value.id as number)?.[0] ?? null) : (nested.get(value.id as number) ?? []);
  }
  for (const { owner, value } of targets) byOwner.set(owner, [...(byOwner.get(owner) ?? []), value]);
  return byOwner;
}

/** Whether `uid.attribute` holds one row (or null) rather than a list. */
export const isToOne = (strapi: Core.Strapi, uid: string, attribute: string): boolean =>
  TO_ONE.has((tableOf(strapi, uid).attribute(attribute) as RelationMeta).relation ?? '');
