import type { Core, UID } from '@strapi/strapi';
import type * as NexusModule from 'nexus';
import { actorOf } from './services/lifecycle';
import { EVENT_UID } from './constants';
import { lifecycleTypeOf } from './document-types';
import { toHttpError } from './errors';
import { access, type AccessScope } from '../../../../utils/access';
import { fieldError } from '../../../../utils/errors';
import { asOfParam, validityParam } from '../../../../utils/query-params';
import type { PublicListQuery, PublicListService } from '../../../../api/normative-document/services/public-list';
import { getService } from './get-service';

type Nexus = typeof NexusModule;

interface Decorated {
  validityLabel: string | null;
  lastAction: unknown;
  [link: string]: unknown;
}

type DecorateService = { decorate: (docs: { documentId: string }[], scope: AccessScope, options?: { asOf?: string }) => Promise<Decorated[]> };

interface AsOfArgs {
  asOf: string;
  validity?: string | null;
  organization?: string | null;
  kind?: string | null;
  page?: number | null;
  pageSize?: number | null;
}

const LINK_FIELDS = ['amends', 'amendedBy', 'revises', 'revisedBy', 'repeals', 'repealedBy'];

/** The same checks as the REST parameters, with the same messages. */
async function readAsOfArgs(strapi: Core.Strapi, args: AsOfArgs): Promise<PublicListQuery> {
  const asOf = asOfParam(args.asOf);
  const validity = args.validity ? validityParam(args.validity) : undefined;
  const organizationIds = args.organization
    ? ((await strapi.service('api::organization.organization').requestedSubtree(args.organization)) as string[])
    : undefined;
  const pageSize = args.pageSize ?? 25;
  if (pageSize < 1 || pageSize > 100) throw fieldError('pageSize', 'must be between 1 and 100', pageSize);
  const page = args.page ?? 1;
  if (page < 1) throw fieldError('page', 'must be 1 or more', page);
  return {
    asOf,
    validity,
    organizationIds,
    kind: args.kind ?? undefined,
    page,
    pageSize,
    sort: { field: 'publishedOn', direction: 'desc' },
  };
}

/**
 * GraphQL for the lifecycle: the computed fields REST returns (validityLabel, lifecycle links,
 * last action), the transition mutation and the history query, with the same permissions as
 * their REST routes.
 */
export function registerGraphql(strapi: Core.Strapi): void {
  const lifecycle = () => getService(strapi, 'lifecycle');
  // The eight computed fields of one document share one decoration (one events query), not eight.
  const decorations = new WeakMap<object, Promise<Decorated>>();
  const decorate = (doc: { documentId: string }): Promise<Decorated> => {
    let decoration = decorations.get(doc);
    if (!decoration) {
      decoration = access(strapi)
        .current()
        .then((scope) => (strapi.service(lifecycleTypeOf(strapi) as UID.Service) as unknown as DecorateService).decorate([doc], scope))
        .then(([decorated]) => decorated);
      decorations.set(doc, decoration);
    }
    return decoration;
  };

  const extension = strapi.plugin('graphql').service('extension');
  // Events are read through normativeDocumentHistory; no generated query or mutation touches them.
  extension.shadowCRUD(EVENT_UID).disable();

  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: [
      nexus.objectType({
        name: 'NormativeDocumentSummary',
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
        type: 'NormativeDocument',
        definition(t) {
          t.string('validityLabel', { resolve: async (doc: { documentId: string }) => (await decorate(doc)).validityLabel });
          t.field('lastAction', { type: 'LifecycleAction', resolve: async (doc: { documentId: string }) => (await decorate(doc)).lastAction as never });
          for (const name of LINK_FIELDS) {
            t.nonNull.list.nonNull.field(name, {
              type: 'NormativeDocumentSummary',
              resolve: async (doc: { documentId: string }) => (await decorate(doc))[name] as never,
            });
          }
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.list.nonNull.field('normativeDocumentsAsOf', {
            type: 'NormativeDocument',
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
              const query = await readAsOfArgs(strapi, args);
              const scope = await access(strapi).current();
              const { data } = await (strapi.service('api::normative-document.public-list') as unknown as PublicListService).list(query, scope);
              const decorated = await (strapi.service(lifecycleTypeOf(strapi) as UID.Service) as unknown as DecorateService).decorate(data, scope, { asOf: query.asOf });
              return decorated as never;
            },
          });
          t.field('normativeDocumentHistory', {
            type: 'LifecycleHistory',
            args: { documentId: nexus.nonNull(nexus.idArg()) },
            async resolve(_parent: unknown, { documentId }: { documentId: string }) {
              const visible = await strapi.documents(lifecycleTypeOf(strapi)).findOne({ documentId });
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
          t.field('transitionNormativeDocument', {
            type: 'NormativeDocument',
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
              return strapi.documents(lifecycleTypeOf(strapi)).findOne({ documentId, status: 'published' });
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.normativeDocumentHistory': { auth: { scope: [`${lifecycleTypeOf(strapi)}.findOne`] } },
      'Query.normativeDocumentsAsOf': { auth: { scope: [`${lifecycleTypeOf(strapi)}.find`] } },
      'Mutation.transitionNormativeDocument': { auth: { scope: ['plugin::document-lifecycle.documents.transition'] } },
    },
  }));
}
