import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { documentVersion, etagOf, parseIfMatch, type ExpectedVersion } from '../setup/document-versions';

interface Target {
  uid: string;
  documentId: string;
  from: ExpectedVersion['from'];
}

const CM = /^\/content-manager\/collection-types\/([^/]+)\/([^/]+)(?:\/actions\/(?:publish|unpublish|discard))?$/;
const REST = /^\/api\/([^/]+)\/([^/]+)$/;

/**
 * Carries document versions over HTTP: an `ETag` on every read, save and publication of one
 * document (REST and the Content Manager alike), and `If-Match` on a write handed to the write
 * itself (src/setup/document-versions.ts decides).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const byPlural = new Map<string, string>();
  const uidOfPlural = (plural: string) => {
    if (byPlural.size === 0) {
      for (const [uid, type] of Object.entries(strapi.contentTypes)) {
        if (uid.startsWith('api::') && type.kind === 'collectionType') byPlural.set(type.info.pluralName, uid);
      }
    }
    return byPlural.get(plural);
  };

  const targetOf = (ctx: Context): Target | undefined => {
    const cm = CM.exec(ctx.path);
    if (cm && cm[2] !== 'actions' && strapi.contentTypes[cm[1] as never]) return { uid: decodeURIComponent(cm[1]), documentId: cm[2], from: 'admin' };
    const rest = REST.exec(ctx.path);
    const uid = rest ? uidOfPlural(rest[1]) : undefined;
    if (rest && uid) return { uid, documentId: rest[2], from: 'content-api' };
    return undefined;
  };

  /**
   * A reader of published content is sent the one published row of a type that is not
   * translated, with its `updatedAt` unless it chose fields without it: the version is that row's,
   * without reading it again.
   */
  const versionShown = (ctx: Context, target: Target): string | null => {
    const type = strapi.contentTypes[target.uid as never] as { pluginOptions?: { i18n?: { localized?: boolean } } };
    if (type.pluginOptions?.i18n?.localized) return null;
    const shown = (ctx.body as { data?: { documentId?: unknown; updatedAt?: unknown } } | null)?.data;
    if (shown?.documentId !== target.documentId || typeof shown.updatedAt !== 'string') return null;
    const time = Date.parse(shown.updatedAt);
    return Number.isFinite(time) ? etagOf(target.documentId, time) : null;
  };

  const graphqlEndpoint = () => (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';

  return async (ctx: Context, next: Next) => {
    if (ctx.path === graphqlEndpoint()) {
      // A mutation names its document; its `version` field is what If-Match carries back.
      const versions = ctx.method === 'POST' ? parseIfMatch(ctx.get('If-Match')) : null;
      if (versions) ctx.state.expectedVersion = { documentId: '*', versions, from: 'graphql' } satisfies ExpectedVersion;
      return next();
    }
    const target = targetOf(ctx);
    if (!target) return next();
    if (ctx.method !== 'GET') {
      const versions = parseIfMatch(ctx.get('If-Match'));
      if (versions) ctx.state.expectedVersion = { documentId: target.documentId, versions, from: target.from } satisfies ExpectedVersion;
    }
    await next();
    if (ctx.status < 200 || ctx.status >= 300 || ctx.method === 'DELETE') return;
    // Readers of published content are given the published version: a draft edit is not theirs to know of.
    const auth = ctx.state.auth as { strategy?: { name?: string }; credentials?: { type?: string } } | undefined;
    const editor = target.from === 'admin' || (auth?.strategy?.name !== undefined && auth.strategy.name !== 'users-permissions' && auth.credentials?.type !== 'read-only');
    const version = (!editor && versionShown(ctx, target)) || (await documentVersion(strapi, target.uid, target.documentId, !editor));
    if (version) ctx.set('ETag', version);
  };
};
