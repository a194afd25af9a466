import type { Core } from '@strapi/strapi';
import type * as NexusModule from 'nexus';
import { access, organizationTree } from '../../../../utils/access';
import { fieldError } from '../../../../utils/errors';
import { asOfParam, validityParam } from '../../../../utils/query-params';
import { perRequestBatch } from '../../../../utils/per-request-batch';
import { EVENT_UID } from './constants';
import { lifecycleTypeOf } from './document-types';
import { toHttpError } from './errors';
import { getService } from './get-service';
import { LINK_FIELDS } from './services/documents';
import { actorOf } from './services/lifecycle';

type Nexus = typeof NexusModule;

interface Decorated {
  validityLabel: string | null;
  lastAction: unknown;
  [link: string]: unknown;
}

interface AsOfArgs {
  asOf: string;
  validity?: string | null;
  organization?: string | null;
  kind?: string | null;
  page?: number | null;
  pageSize?: number | null;
}

interface Naming {
  getTypeName: (contentType: unknown) => string;
  getFindQueryName: (contentType: unknown) => string;
  getFindOneQueryName: (contentType: unknown) => string;
}

/** The documents on one page of "what had this validity on `asOf`", through the read rules. */
async function documentsAsOf(strapi: Core.Strapi, args: AsOfArgs) {
  // The same checks as the REST parameters, with the same messages.
  const asOf = asOfParam(args.asOf);
  const validity = args.validity ? validityParam(args.validity) : undefined;
  const pageSize = args.pageSize ?? 25;
  if (pageSize < 1 || pageSize > 100) throw fieldError('pageSize', 'must be between 1 and 100', pageSize);
  const page = args.page ?? 1;
  if (page < 1) throw fieldError('page', 'must be 1 or more', page);
  const periods = (await getService(strapi, 'validity-periods').documentsOn(asOf, validity)) as { document: string }[];
  const filters: Record<string, unknown>[] = [{ documentId: { $in: periods.map((row) => row.document) } }];
  if (args.organization) filters.push({ issuingOrganization: { documentId: { $in: await organizationTree(strapi).requestedSubtree(args.organization) } } });
  if (args.kind !== undefined && args.kind !== null) {
    // The kinds are the managed type's own enumeration, as the REST list checks them.
    const kinds = ((strapi.contentTypes[lifecycleTypeOf(strapi)] as { attributes: Record<string, { enum?: string[] }> }).attributes.kind?.enum ?? []) as string[];
    if (!kinds.includes(args.kind)) throw fieldError('kind', `must be one of ${kinds.join(', ')}`, args.kind);
    filters.push({ kind: args.kind });
  }
  if (periods.length === 0) return { asOf, documents: [] };
  const documents = (await strapi.documents(lifecycleTypeOf(strapi)).findMany({
    filters: { $and: filters },
    status: 'published',
    sort: [{ publishedOn: 'desc' }, { id: 'desc' }],
    start: (page - 1) * pageSize,
    limit: pageSize,
  } as never)) as unknown as { documentId: string }[];
  return { asOf, documents };
}

/**
 * GraphQL for the lifecycle, named after the managed type as Strapi names its own queries
 * (`normativeDocument…` for normative documents): the computed fields REST returns
 * (validityLabel, lifecycle links, last action), the point-in-time list, the history query and
 * the transition mutation, with the same permissions as their REST routes.
 */
export function registerGraphql(strapi: Core.Strapi): void {
  const lifecycle = () => getService(strapi, 'lifecycle');
  const uid = lifecycleTypeOf(strapi);
  const contentType = strapi.contentType(uid);
  const naming = strapi.plugin('graphql').service('utils').naming as Naming;
  const typeName = naming.getTypeName(contentType);
  const names = {
    summary: `${typeName}Summary`,
    asOf: `${naming.getFindQueryName(contentType)}AsOf`,
    history: `${naming.getFindOneQueryName(contentType)}History`,
    transition: `transition${typeName}`,
  };
  // The eight computed fields of one document share one decoration, and the documents of one list
  // (all resolved in the same turn) share one: a page of 100 costs one events query, not 100.
  const decorate = perRequestBatch<{ documentId: string }, Decorated>(
    strapi,
    async (docs) => (await getService(strapi, 'documents').decorate(docs, await access(strapi).current())) as unknown as Decorated[],
  );

  const extension = strapi.plugin('graphql').service('extension');
  // Events are read through the history query; no generated query or mutation touches them.
  extension.shadowCRUD(EVENT_UID).disable();

  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: [
      nexus.objectType({
        name: names.summary,
        definition(t) {
          t.nonNull.id('documentId');
          t.nonNull.string('title');
          t.string('documentNumber');
          t.string('validity');
          t.string('validityLabel');
        },
      }),
      nexus.objectType({
        name: 'LifecycleAction',
        definition(t) {
          t.nonNull.string('action');
          t.nonNull.string('label');
          t.nonNull.string('date');
          t.string('basisNumber');
        },
      }),
      nexus.objectType({
        name: 'LifecycleEvent',
        definition(t) {
          t.nonNull.int('sequence');
          t.nonNull.string('action');
          t.string('from');
          t.nonNull.string('to');
          t.nonNull.string('date');
          t.string('basisDocument');
          t.string('basisNumber');
          t.string('basisReference');
          t.string('reason');
          t.nonNull.string('actor');
          t.string('actorName');
          t.nonNull.string('occurredAt');
          t.string('previousHash');
          t.nonNull.string('hash');
        },
      }),
      nexus.objectType({
        name: 'LifecycleHistory',
        definition(t) {
          t.nonNull.list.nonNull.field('events', { type: 'LifecycleEvent' });
          t.nonNull.boolean('chainValid');
          t.int('brokenAt');
        },
      }),
      nexus.extendType({
        type: typeName,
        definition(t) {
          t.string('validityLabel', { resolve: async (doc: { documentId: string }) => (await decorate(doc)).validityLabel });
          t.field('lastAction', { type: 'LifecycleAction', resolve: async (doc: { documentId: string }) => (await decorate(doc)).lastAction as never });
          for (const name of LINK_FIELDS) {
            t.nonNull.list.nonNull.field(name, {
              type: names.summary,
              resolve: async (doc: { documentId: string }) => (await decorate(doc))[name] as never,
            });
          }
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.list.nonNull.field(names.asOf, {
            type: typeName,
            description: 'Published documents with the validity each had on `asOf` (YYYY-MM-DD), newest first.',
            args: {
              asOf: nexus.nonNull(nexus.stringArg()),
              validity: nexus.stringArg(),
              organization: nexus.idArg(),
              kind: nexus.stringArg(),
              page: nexus.intArg(),
              pageSize: nexus.intArg(),
            },
            async resolve(_parent: unknown, args: AsOfArgs) {
              const { asOf, documents } = await documentsAsOf(strapi, args);
              return (await getService(strapi, 'documents').decorate(documents, await access(strapi).current(), { asOf })) as never;
            },
          });
          t.field(names.history, {
            type: 'LifecycleHistory',
            args: { documentId: nexus.nonNull(nexus.idArg()) },
            async resolve(_parent: unknown, { documentId }: { documentId: string }) {
              const visible = await strapi.documents(uid).findOne({ documentId });
              if (!visible) return null;
              const { events, chain } = await lifecycle().history(documentId, await access(strapi).current());
              return { events, chainValid: chain.valid, brokenAt: chain.valid ? null : chain.brokenAt };
            },
          });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.field(names.transition, {
            type: typeName,
            args: {
              documentId: nexus.nonNull(nexus.idArg()),
              action: nexus.nonNull(nexus.stringArg()),
              date: nexus.stringArg(),
              basisDocumentId: nexus.idArg(),
              basisReference: nexus.stringArg(),
              reason: nexus.stringArg(),
              validUntil: nexus.stringArg(),
            },
            async resolve(_parent: unknown, args: { documentId: string; action: string } & Record<string, unknown>) {
              const { documentId, ...input } = args;
              try {
                await lifecycle().transition(documentId, input as { action: string }, actorOf(await access(strapi).current()));
              } catch (error) {
                throw toHttpError(error);
              }
              return strapi.documents(uid).findOne({ documentId, status: 'published' });
            },
          });
        },
      }),
    ],
    resolversConfig: {
      [`Query.${names.history}`]: { auth: { scope: [`${uid}.findOne`] } },
      [`Query.${names.asOf}`]: { auth: { scope: [`${uid}.find`] } },
      [`Mutation.${names.transition}`]: { auth: { scope: ['plugin::document-lifecycle.documents.transition'] } },
    },
  }));
}
