import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { conflictError } from '../utils/errors';

/**
 * Optimistic concurrency for every write path. A document's version is the latest `updatedAt`
 * of its stored rows (draft and published): reads carry it as an ETag, and a write that names
 * the version it started from (`If-Match`) goes through only if no one saved in between. The
 * check and the write run in one transaction with the document's rows locked, so of two saves
 * from the same version exactly one wins and is stored as sent.
 */

export interface ExpectedVersion {
  /** The document the version is of; `*` for a GraphQL request, whose mutation names it. */
  documentId: string;
  /** The ETags the caller accepts (`If-Match` may list several). */
  versions: string[];
  /** The Content Manager is told in Chinese with a 409; REST clients get HTTP's 412, GraphQL an error coded STALE_VERSION. */
  from: 'admin' | 'content-api' | 'graphql';
}

const GUARDED = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** `"<documentId>.<ms>"`: strong, as If-Match requires, and different for every save. */
export const etagOf = (documentId: string, updatedAt: number) => `"${documentId}.${updatedAt}"`;

/** The version of a document: of all its rows, or of its published rows only for readers of those. */
export async function documentVersion(strapi: Core.Strapi, uid: string, documentId: string, publishedOnly: boolean): Promise<string | null> {
  const where: Record<string, unknown> = { documentId };
  const model = strapi.getModel(uid as never) as { options?: { draftAndPublish?: boolean } } | undefined;
  if (publishedOnly && model?.options?.draftAndPublish) where.publishedAt = { $notNull: true };
  const rows = (await strapi.db.query(uid as never).findMany({ where, select: ['updatedAt'] })) as { updatedAt: string | Date | number | null }[];
  const times = rows.map((row) => (row.updatedAt === null ? 0 : new Date(row.updatedAt).getTime())).filter((time) => Number.isFinite(time));
  return times.length === 0 ? null : etagOf(documentId, Math.max(...times));
}

/** Parses an If-Match header: `*` (any version) gives null. */
export function parseIfMatch(header: string | undefined): string[] | null {
  if (!header) return null;
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, '')).filter(Boolean);
  // A header naming no version (`If-Match: ,`) is a precondition no version meets, not none.
  return tags.includes('*') ? null : tags;
}

type VersionState = { state?: { expectedVersion?: ExpectedVersion } };
const expectedOf = (strapi: Core.Strapi): ExpectedVersion | undefined => (strapi.requestContext.get() as VersionState | undefined)?.state?.expectedVersion;
/**
 * The version names the state the request started from: its first write is checked against it;
 * the writes that follow in the same request (the Content Manager's save-then-publish) build on
 * that one.
 */
const consume = (strapi: Core.Strapi) => {
  const state = (strapi.requestContext.get() as VersionState | undefined)?.state;
  if (state) delete state.expectedVersion;
};

/**
 * Refuses a write made from a version of the document that is no longer current, in the words
 * of the path it came by. Call it inside the write's transaction, with the rows locked.
 */
export async function assertVersion(strapi: Core.Strapi, uid: string, documentId: string, expected: Pick<ExpectedVersion, 'versions' | 'from'>): Promise<void> {
  const current = await documentVersion(strapi, uid, documentId, false);
  if (current === null || expected.versions.includes(current)) return;
  if (expected.from === 'admin') throw conflictError('已被他人修改，请刷新后再改', { code: 'STALE_VERSION', current });
  if (expected.from === 'graphql') {
    throw new errors.ApplicationError('The document has changed since this version: read it again and reapply the change', { code: 'STALE_VERSION', current });
  }
  throw Object.assign(createHttpError(412, 'The document has changed since this version: read it again and reapply the change'), {
    details: { code: 'STALE_VERSION', current },
  });
}

/**
 * Registered last, so it runs closest to the write itself: the rows are locked, the version
 * compared and the write done in one transaction (Strapi's own transaction joins it).
 */
export function documentVersionMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const expected = GUARDED.has(context.action) ? expectedOf(strapi) : undefined;
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!expected || !documentId || (expected.documentId !== documentId && expected.documentId !== '*')) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const meta = strapi.db.metadata.get(context.uid);
      const column = (meta.attributes.documentId as { columnName?: string }).columnName ?? 'document_id';
      // A no-op update takes the rows' write locks (PostgreSQL); SQLite's immediate transaction
      // already holds the database's.
      await strapi.db.connection(meta.tableName).transacting(trx).where(column, documentId).update({ [column]: documentId });
      await assertVersion(strapi, context.uid, documentId, expected);
      consume(strapi);
      return next();
    }) as unknown as ReturnType<typeof next>;
  };
}

type Nexus = { extendType: (config: { type: string; definition: (t: { string: (name: string, options: object) => void }) => void }) => unknown };

/**
 * GraphQL's `version` on every collection type: the same ETag as REST, to send back as If-Match
 * with a mutation of that document.
 */
export function registerGraphqlVersions(strapi: Core.Strapi, mayReadUnpublished: () => Promise<boolean>): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const naming = graphql.service('utils').naming as { getTypeName: (contentType: unknown) => string };
  const types = Object.values(strapi.contentTypes).filter((type) => type.uid.startsWith('api::') && type.kind === 'collectionType');
  graphql.service('extension').use(({ nexus }: { nexus: Nexus }) => ({
    types: types.map((contentType) =>
      nexus.extendType({
        type: naming.getTypeName(contentType),
        definition(t) {
          t.string('version', {
            description: 'The version of this document, to send as If-Match with a change to it',
            resolve: async (document: { documentId: string }) => documentVersion(strapi, contentType.uid, document.documentId, !(await mayReadUnpublished())),
          });
        },
      }),
    ),
  }));
}
