import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { access } from '../../../../../utils/access';
import { readTransitionInput } from '../transition-input';
import { lifecycleTypeOf } from '../document-types';
import { toHttpError } from '../errors';
import { getService } from '../get-service';
import { actorOf } from '../services/lifecycle';

interface FindOneController {
  findOne: (ctx: Context, next: Next) => Promise<{ data?: unknown; meta?: Record<string, unknown> } | undefined>;
}

/** The content API of the managed type's lifecycle: `/api/<plural>/:documentId/transitions` and `/history`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs a transition; answers the document as the type's own API shows it, with the event in `meta`. */
  async transition(ctx: Context, next: Next) {
    const input = readTransitionInput(ctx.request.body);
    let result: { documentId: string; event: unknown };
    try {
      result = await getService(strapi, 'lifecycle').transition(ctx.params.documentId, input, actorOf(await access(strapi).current()));
    } catch (error) {
      throw toHttpError(error);
    }
    ctx.params = { ...ctx.params, id: result.documentId };
    ctx.query = {};
    const shown = await (strapi.controller(lifecycleTypeOf(strapi)) as unknown as FindOneController).findOne(ctx, next);
    ctx.body = { data: shown?.data ?? null, meta: { ...(shown?.meta ?? {}), event: result.event } };
  },

  /** The document's events and whether their hash chain verifies; a document the caller may not read is not found. */
  async history(ctx: Context) {
    const { documentId } = ctx.params as { documentId: string };
    // Through the Document Service, so the read rules decide whether the caller may see it.
    const visible = await strapi.documents(lifecycleTypeOf(strapi)).findOne({ documentId, fields: ['documentId'] as never });
    if (!visible) return ctx.notFound('Normative document not found');
    const { events, chain } = await getService(strapi, 'lifecycle').history(documentId, await access(strapi).current());
    ctx.body = { data: events, meta: { chain } };
  },
});
