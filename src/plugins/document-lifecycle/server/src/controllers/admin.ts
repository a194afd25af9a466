import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { chinaToday, type IsoDate } from '../../../../../domain/dates';
import { documentIdOf, pastOrTodayDate, readRouteInput, yup } from '../../../../../utils/route-input';
import { actorOf } from '../services/lifecycle';
import { PLUGIN_ID } from '../constants';
import { lifecycleTypeOf } from '../document-types';
import { toHttpError } from '../errors';
import { access, PUBLIC_SCOPE } from '../../../../../utils/access';
import { getService } from '../get-service';
import { readTransitionInput } from '../transition-input';

const service = (strapi: Core.Strapi) => getService(strapi, 'lifecycle');

const TICK_BODY = yup.object({ date: pastOrTodayDate() });

const BASIS_QUERY = yup.object({
  q: yup
    .mixed<string>()
    .test('text', 'must be text', (value) => value === undefined || typeof value === 'string')
    .test('length', 'must be at most 100 characters', (value) => typeof value !== 'string' || value.length <= 100),
  exclude: documentIdOf('the document being edited'),
});

/** Admin-panel endpoints: the edit view's transition buttons, its history panel, and the tick button. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async transition(ctx: Context) {
    const input = readTransitionInput(ctx.request.body);
    try {
      ctx.body = { data: await service(strapi).transition(ctx.params.documentId, input, actorOf(await access(strapi).current())) };
    } catch (error) {
      throw toHttpError(error);
    }
  },

  async history(ctx: Context) {
    const scope = await access(strapi).current();
    const { documentId } = ctx.params as { documentId: string };
    if (!(await access(strapi).readableDocumentIds(lifecycleTypeOf(strapi), [documentId], scope)).has(documentId)) return ctx.notFound('Normative document not found');
    ctx.body = { data: await service(strapi).history(documentId, scope) };
  },

  /**
   * Published documents in force that can serve as the basis of a transition, searched by title or
   * 文号: the caller's own and any the public may read (another organization's decision can repeal
   * a document), never another organization's 不予公开 one.
   */
  async basisCandidates(ctx: Context) {
    const { q, exclude } = readRouteInput<{ q?: string; exclude?: string }>(BASIS_QUERY, ctx.query, { keys: ['q', 'exclude'], message: 'is not a parameter of this request' });
    const text = q?.trim() ?? '';
    const where: Record<string, unknown> = { publishedAt: { $notNull: true }, validity: 'in_force' };
    if (exclude) where.documentId = { $ne: exclude };
    if (text) where.$or = [{ title: { $containsi: text } }, { documentNumber: { $containsi: text } }];
    const scopes = access(strapi);
    const own = scopes.readWhere(lifecycleTypeOf(strapi), await scopes.current());
    const open = scopes.readWhere(lifecycleTypeOf(strapi), PUBLIC_SCOPE);
    const rows = await strapi.db.query(lifecycleTypeOf(strapi)).findMany({
      where: own ? { $and: [where, { $or: [own, open] }] } : where,
      select: ['documentId', 'title', 'documentNumber'],
      orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }],
      limit: 20,
    });
    ctx.body = { data: rows };
  },

  /** The review list for the plugin page: documents whose term ends within the configured window. */
  async dueForReview(ctx: Context) {
    // The window is the plugin's configuration, not the caller's to choose.
    readRouteInput(yup.object({}), ctx.query, { keys: [], message: 'is not a parameter of this request' });
    const within = strapi.config.get(`plugin::${PLUGIN_ID}.reviewWindowDays`) as number;
    const today = chinaToday(new Date());
    const { groups, total } = await service(strapi).dueForReview(today, within, await access(strapi).current());
    ctx.body = { data: groups, meta: { today, within, total } };
  },

  async tick(ctx: Context) {
    const { date } = readRouteInput<{ date?: IsoDate | null }>(TICK_BODY, ctx.request.body ?? {});
    ctx.body = { data: await service(strapi).tick(date ?? chinaToday(new Date())) };
  },
});
