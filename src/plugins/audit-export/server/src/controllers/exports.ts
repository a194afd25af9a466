import crypto from 'crypto';
import { finished } from 'stream/promises';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { chinaToday } from '../../../../../domain/dates';
import { errors } from '@strapi/utils';
import { CONTENT_TYPES, EXPORT_PARAMETERS, readExportQuery, REQUEST_EXPORT_PARAMETERS, type ExportQuery } from '../../../../../domain/audit-export';
import { requestType } from '../exported-type';
import { access, organizationTree } from '../../../../../utils/access';
import { fieldError } from '../../../../../utils/errors';
import { RECORD_UID } from '../constants';
import { Fingerprint } from '../writers';
import { getService } from '../get-service';

type Kind = 'documents' | 'events' | 'requests';

const NAMES: Record<Kind, string> = { documents: '规范性文件状态', events: '文件效力变更记录', requests: '依申请公开登记' };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const exporter = () => getService(strapi, 'exporter');
  const records = () => strapi.db.query(RECORD_UID);

  /** The organizations an export covers: the one asked for and those below it, within what the caller may read. */
  async function organizationsFor(query: ExportQuery): Promise<'all' | string[]> {
    const scopes = access(strapi);
    const readable = await scopes.readableOrganizationDocumentIds(await scopes.current());
    if (!query.organization) return readable;
    const subtree = await organizationTree(strapi).requestedSubtree(query.organization);
    if (readable === 'all') return subtree;
    const within = subtree.filter((documentId) => readable.includes(documentId));
    // An empty file would read as "nothing to report" for an organization the caller may not see at all.
    if (within.length === 0) throw fieldError('organization', 'is not one this caller may export', query.organization);
    return within;
  }

  /**
   * Streams one export to the client and records it. The export process writes the file as it
   * reads the database page by page; the SHA-256 and size of the bytes sent are logged when the
   * file ends.
   */
  async function stream(ctx: Context, kind: Kind) {
    const today = chinaToday(new Date());
    if (kind === 'requests' && !requestType(strapi)) throw new errors.NotFoundError('No request type is configured for the request register (audit-export requests)');
    const query = readExportQuery(ctx.query as Record<string, unknown>, today, kind === 'requests' ? REQUEST_EXPORT_PARAMETERS : EXPORT_PARAMETERS);
    if ('parameter' in query) throw fieldError(query.parameter, query.message, (ctx.query as Record<string, unknown>)[query.parameter]);
    const organizations = await organizationsFor(query);

    const exportId = crypto.randomUUID();
    const scope = await access(strapi).current();
    const startedAt = new Date();
    const fingerprint = new Fingerprint();
    const { format, ...filters } = query;
    const record = async (status: 'completed' | 'failed' | 'aborted', rowCount: number | null) => {
      await records().create({
        data: {
          exportId,
          kind,
          format,
          filters: { ...filters, organization: query.organization ?? null },
          status,
          rowCount,
          bytes: fingerprint.bytes,
          sha256: status === 'completed' ? fingerprint.digest() : null,
          actor: scope.actor,
          actorName: scope.actorName,
          startedAt,
          finishedAt: new Date(),
        },
      });
    };
    const logged = (status: 'completed' | 'failed' | 'aborted', count: number | null) =>
      record(status, count).catch((failure: Error) => strapi.log.error(`Audit export ${exportId} could not be recorded: ${failure.message}`));

    const running = await exporter().start({ kind, query, organizations, sheetName: NAMES[kind] });
    let aborted = false;
    ctx.req.once('close', () => {
      if (ctx.res.writableFinished) return;
      // The client went away: stop the export and record it as aborted.
      aborted = true;
      running.cancel();
    });
    try {
      // An export that cannot even start (its database unreachable) is an error response, not a file.
      await running.started;
    } catch (error) {
      if (!aborted) strapi.log.error(`Audit export ${exportId} failed: ${(error as Error).message}`);
      await logged(aborted ? 'aborted' : 'failed', null);
      throw error;
    }

    const filename = `${NAMES[kind]}-${query.asOf}.${query.format}`;
    ctx.status = 200;
    ctx.set('Content-Type', CONTENT_TYPES[query.format]);
    ctx.set('Content-Disposition', `attachment; filename="${kind}-${query.asOf}.${query.format}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    ctx.set('X-Export-Id', exportId);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = fingerprint;
    // The file ends only when the export says it is complete: an export failing half-way must not
    // reach the client as a shorter file that looks whole.
    running.data.pipe(fingerprint, { end: false });
    running.rows.then(
      async (count) => {
        fingerprint.end();
        // Recorded once the last byte has left, whether or not it already had.
        await finished(fingerprint).catch(() => undefined);
        await logged(aborted ? 'aborted' : 'completed', count);
      },
      async (error: Error) => {
        if (!aborted) strapi.log.error(`Audit export ${exportId} failed: ${error.message}`);
        fingerprint.destroy(aborted ? undefined : error);
        await logged(aborted ? 'aborted' : 'failed', null);
      },
    );
  }

  return {
    documents: (ctx: Context) => stream(ctx, 'documents'),
    events: (ctx: Context) => stream(ctx, 'events'),
    requests: (ctx: Context) => stream(ctx, 'requests'),

    /** The export log, newest first; read-only on every path. */
    async log(ctx: Context) {
      const { page = '1', pageSize = '25', ...rest } = ctx.query as Record<string, unknown>;
      const unknown = Object.keys(rest)[0];
      if (unknown) throw fieldError(unknown, 'is not a parameter of the export log (use page, pageSize)');
      for (const [name, value] of [['page', page], ['pageSize', pageSize]] as const) {
        if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw fieldError(name, 'must be a positive whole number', value);
      }
      const size = Math.min(Number(pageSize), 100);
      const current = Number(page);
      // A record tells what an export covered and how many rows it had: a caller bound to
      // organizations sees only the exports it made itself.
      const scope = await access(strapi).current();
      const where = scope.read === 'all' ? {} : { actor: scope.actor };
      const [rows, total] = await Promise.all([
        records().findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], limit: size, offset: (current - 1) * size }),
        records().count({ where }),
      ]);
      ctx.body = {
        data: rows.map(({ id: _id, ...row }: Record<string, unknown>) => row),
        meta: { pagination: { page: current, pageSize: size, pageCount: Math.ceil(total / size), total } },
      };
    },
  };
};
