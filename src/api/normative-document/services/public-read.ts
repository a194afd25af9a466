import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { IsoDate } from '../../../domain/dates';
import type { Validity } from '../../../domain/lifecycle';
import { getService } from '../../../plugins/document-lifecycle/server/src/get-service';
import { rememberUntilChange } from '../../../utils/remember';
import { isToOne, joinToOne, linkedRows, preparedReadsOf, rowReader, tableOf, type RelationRead } from '../../../utils/table-read';
import { LIST_POPULATE, SHALLOW_POPULATE } from './normative-document';
import { access, type AccessScope } from '../../../utils/access';
import { namedValues } from '../../../utils/prepared-read';

const UID = 'api::normative-document.normative-document';
const ORGANIZATION_UID = 'api::organization.organization';
const TOPIC_UID = 'api::topic.topic';

/** The list parameters the public fast path understands. */
export interface PublicListQuery {
  asOf?: IsoDate;
  validity?: Validity;
  organizationIds?: string[];
  year?: number;
  kind?: string;
  topic?: string;
  documentNumber?: string;
  indexNumber?: string;
  page: number;
  pageSize: number;
  sort: { field: SortField; direction: 'asc' | 'desc' };
}

export const SORT_FIELDS = ['publishedOn', 'effectiveFrom', 'adoptedOn', 'validUntil', 'title', 'id'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** The list's filters, each a value or, while a read's SQL is built, its placeholder. */
interface ListFilters extends Record<string, unknown> {
  asOf?: unknown;
  validity?: unknown;
  organizationIds?: unknown[];
  yearFrom?: unknown;
  yearTo?: unknown;
  kind?: unknown;
  topic?: unknown;
  documentNumber?: unknown;
  indexNumber?: unknown;
}

/** What of the caller's scope the read rule takes: part of every read's shape. */
const scopeKey = (scope: AccessScope) => JSON.stringify([scope.read, scope.mayReadUnpublished]);

/**
 * Public reads of normative documents, built for read traffic. The list: one SQL query reads the page
 * (filters, the validity on a past date, sort, pagination) with its issuers and topics, and one
 * counts it (kept until the data changes). Strapi's generic path validates, sanitizes and
 * transforms every request, which costs several times the database work on a list of 25.
 */
const publicRead = ({ strapi }: { strapi: Core.Strapi }) => {
  const documentsTable = () => tableOf(strapi, UID);
  const prepared = preparedReadsOf(strapi);

  /** Scalar attributes a reader may see: everything but relations, media and private fields. */
  function publicFields(): string[] {
    const { attributes } = strapi.contentType(UID);
    const scalar = Object.entries(attributes)
      .filter(([, attribute]) => !['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type))
      .filter(([, attribute]) => !(attribute as { private?: boolean }).private)
      .map(([name]) => name);
    return ['id', 'documentId', ...scalar.filter((name) => name !== 'id' && name !== 'documentId')];
  }

  /** The list's filters as values of their own, apart from the SQL they go into. */
  function filtersOf(query: PublicListQuery): ListFilters {
    return {
      asOf: query.asOf,
      validity: query.validity,
      organizationIds: query.organizationIds,
      yearFrom: query.year ? `${query.year}-01-01` : undefined,
      yearTo: query.year ? `${query.year}-12-31` : undefined,
      kind: query.kind,
      topic: query.topic,
      documentNumber: query.documentNumber,
      indexNumber: query.indexNumber,
    };
  }

  /**
   * Published documents matching the filters, as a query to select from. The scope keeps out
   * 不予公开 documents for those who may not read them and other organizations' documents for
   * callers bound to organizations.
   */
  function pageQuery(filters: ListFilters, scope: AccessScope): Knex.QueryBuilder {
    const knex = strapi.db.connection;
    const d = documentsTable().table;
    const c = (attribute: string) => `${d}.${documentsTable().column(attribute)}`;
    const builder = knex(d).whereNotNull(c('publishedAt'));
    if (!scope.mayReadUnpublished) builder.whereNot(c('disclosureMode'), 'not_disclosed');

    /** Ids of documents whose to-one relation points at a target matching `where`. */
    const linkedTo = (attribute: string, targetUid: string, where: (target: (attr: string) => string) => Knex.QueryCallback) => {
      const link = documentsTable().join(attribute);
      const target = tableOf(strapi, targetUid);
      const targets = target.table;
      return knex(link.name)
        .join(targets, `${targets}.id`, `${link.name}.${link.inverseJoinColumn.name}`)
        .where(where((attr) => `${targets}.${target.column(attr)}`))
        .select(`${link.name}.${link.joinColumn.name}`);
    };
    if (scope.read !== 'all') {
      const reach = scope.read;
      builder.whereIn(c('id'), linkedTo('issuingOrganization', ORGANIZATION_UID, (t) => (w) => w.whereIn(t('id'), reach)));
    }
    const { organizationIds, topic } = filters;
    if (organizationIds) builder.whereIn(c('id'), linkedTo('issuingOrganization', ORGANIZATION_UID, (t) => (w) => w.whereIn(t('documentId'), organizationIds as string[])));
    if (topic !== undefined) builder.whereIn(c('id'), linkedTo('topic', TOPIC_UID, (t) => (w) => w.where(t('documentId'), topic).orWhere(t('code'), topic)));
    if (filters.yearFrom !== undefined) builder.whereBetween(c('publishedOn'), [filters.yearFrom, filters.yearTo] as [string, string]);
    if (filters.kind !== undefined) builder.where(c('kind'), filters.kind);
    if (filters.documentNumber !== undefined) builder.where(c('documentNumber'), filters.documentNumber);
    if (filters.indexNumber !== undefined) builder.where(c('indexNumber'), filters.indexNumber);

    if (filters.asOf !== undefined) {
      builder.whereIn(c('documentId'), getService(strapi, 'validity-periods').documentsOn(filters.asOf as IsoDate, filters.validity as Validity | undefined));
    } else if (filters.validity !== undefined) {
      builder.where(c('validity'), filters.validity);
    }
    return builder;
  }

  /**
   * The list's total is a count over every published document: the costliest query of a page,
   * and the same for every page. It is kept until the data changes.
   */
  async function rememberedTotal(filters: ListFilters, scope: AccessScope): Promise<number> {
    const { shape, values } = namedValues(filters);
    const key = `normative-documents:total ${scopeKey(scope)} ${shape} ${JSON.stringify(values)}`;
    const [{ total }] = await rememberUntilChange(strapi, key, async () => (await pageQuery(filters, scope).count({ total: '*' })) as unknown as [{ total: number | string }]);
    return Number(total);
  }

  /**
   * The page's rows with their issuer and topic (`LIST_POPULATE`). The page is chosen by ids
   * first, so the database sorts only ids and joins only the rows shown.
   */
  function pageRows(query: PublicListQuery, scope: AccessScope) {
    const named = namedValues({ ...filtersOf(query), offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    const shape = `normative-documents:page ${query.sort.field}:${query.sort.direction} ${scopeKey(scope)} ${named.shape}`;
    return prepared(shape, named.values, (placeholders) => {
      const { offset, limit, ...filters } = named.fill(placeholders);
      const c = (attribute: string) => `${documentsTable().table}.${documentsTable().column(attribute)}`;
      const order = [
        { column: c(query.sort.field), order: query.sort.direction },
        { column: c('id'), order: query.sort.direction },
      ];
      const ids = pageQuery(filters, scope)
        .select(c('id'))
        .orderBy(order)
        .offset(offset as number)
        .limit(limit as number);
      const d = documentsTable().table;
      const documents = rowReader(strapi, UID, publicFields(), d);
      const builder = strapi.db.connection(d).whereIn(c('id'), ids).select(documents.select).orderBy(order);
      const rule = (uid: string, alias: string) => access(strapi).readSql(uid, alias, scope);
      const joined = Object.entries(LIST_POPULATE as Record<string, RelationRead>).map(
        ([attribute, read]) => [attribute, joinToOne(strapi, builder, { uid: UID, alias: d }, attribute, read, rule)] as const,
      );
      return {
        query: builder,
        read: (row: Record<string, unknown>) => {
          const document = documents.read(row) as Record<string, unknown>;
          for (const [attribute, read] of joined) document[attribute] = read(row);
          return document as { documentId: string };
        },
      };
    });
  }

  return {
    async list(query: PublicListQuery, scope: AccessScope) {
      const [data, count] = await Promise.all([pageRows(query, scope), rememberedTotal(filtersOf(query), scope)]);
      return {
        data,
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(count / query.pageSize), total: count },
      };
    },

    /**
     * One published document with its shallow relations (`SHALLOW_POPULATE`), each narrowed to
     * what `scope` may read: what `strapi.documents(UID).findOne` returns for the same populate,
     * read with a query per relation instead of the Document Service's generic work.
     */
    async one(documentId: string, scope: AccessScope): Promise<{ documentId: string } | null> {
      const rule = { key: scopeKey(scope), sql: (uid: string, alias: string) => access(strapi).readSql(uid, alias, scope) };
      const relations = Object.entries(SHALLOW_POPULATE as Record<string, RelationRead>);
      const [found] = await prepared(`normative-documents:one ${rule.key}`, [documentId], ([id]) => {
        const d = documentsTable().table;
        const documents = rowReader(strapi, UID, publicFields(), d);
        const query = strapi.db
          .connection(d)
          .select(documents.select)
          .where(`${d}.${documentsTable().column('documentId')}`, id)
          .whereNotNull(`${d}.${documentsTable().column('publishedAt')}`)
          .limit(1);
        const readable = rule.sql(UID, d);
        if (readable) query.where(readable);
        // To-one relations come with the document's row; lists take a query each.
        const joined = relations
          .filter(([attribute]) => isToOne(strapi, UID, attribute))
          .map(([attribute, read]) => [attribute, joinToOne(strapi, query, { uid: UID, alias: d }, attribute, read, rule.sql)] as const);
        return {
          query,
          read: (row: Record<string, unknown>) => ({
            document: documents.read(row) as Record<string, unknown>,
            linked: new Map<string, unknown>(joined.map(([attribute, read]) => [attribute, read(row)])),
          }),
        };
      });
      if (!found) return null;
      const { document, linked } = found;
      const id = document.id as number;
      for (const [attribute, read] of relations.filter(([name]) => !isToOne(strapi, UID, name))) {
        linked.set(attribute, (await linkedRows(strapi, UID, attribute, [id], read, rule)).get(id) ?? []);
      }
      // In the populate's order, as Strapi's answer has them (the same bytes, the same ETag).
      for (const [attribute] of relations) document[attribute] = linked.get(attribute);
      return document as { documentId: string };
    },
  };
};

export type PublicReadService = ReturnType<typeof publicRead>;
export default publicRead;
