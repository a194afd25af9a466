import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { chinaToday, type IsoDate } from '../../../domain/dates';
import { VALIDITIES, type Validity } from '../../../domain/lifecycle';
import { parseDocumentNumber } from '../../../domain/document-number';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../domain/document-kinds';
import { oneOfValues, pastOrTodayDate, readRouteInput, yup } from '../../../utils/route-input';
import { addFilters, asOfParam, organizationParam, takeParam } from '../../../utils/query-params';
import { access } from '../../../utils/access';
import { fieldError } from '../../../utils/errors';
import { getService } from '../../../plugins/document-lifecycle/server/src/get-service';
import { LIST_POPULATE, SHALLOW_POPULATE } from '../services/normative-document';
import { SORT_FIELDS, type PublicListQuery, type PublicReadService, type SortField } from '../services/public-read';

/** As `config/api.ts`: the REST defaults apply to the fast path too. */
const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

const UID = 'api::normative-document.normative-document';

/** The list's own parameters, beside Strapi's filters, sort and pagination (organization is looked up). */
const LIST_QUERY = yup.object({
  asOf: pastOrTodayDate(),
  validity: oneOfValues(VALIDITIES),
  year: yup.mixed<string>().test('year', 'must be a year from 1900 to 2999', (value) => value === undefined || /^(19|2\d)\d{2}$/.test(value)),
  kind: oneOfValues(DOCUMENT_KINDS),
});

const EXPIRING_QUERY = yup.object({
  within: yup.mixed<string>().test('days', 'must be a number of days (0–9999)', (value) => typeof value === 'string' && /^\d{1,4}$/.test(value)),
});

/** Query parameters of our own, beside Strapi's filters, sort and pagination. */
interface ListParams {
  asOf?: IsoDate;
  validity?: Validity;
  organizationIds?: string[];
  year?: number;
  documentNumber?: string;
  indexNumber?: string;
  kind?: string;
  topic?: string;
}

export default factories.createCoreController(UID, ({ strapi }) => {
  const documents = () => getService(strapi, 'documents');
  const lifecycle = () => getService(strapi, 'lifecycle');
  const publicRead = () => strapi.service('api::normative-document.public-read') as unknown as PublicReadService;

  async function readListParams(ctx: Context): Promise<{ params: ListParams; filters: Record<string, unknown>[] }> {
    const params: ListParams = {};
    const filters: Record<string, unknown>[] = [];

    const checked = readRouteInput<{ asOf?: IsoDate; validity?: Validity; year?: string; kind?: DocumentKind }>(LIST_QUERY, {
      asOf: takeParam(ctx, 'asOf'),
      validity: takeParam(ctx, 'validity'),
      year: takeParam(ctx, 'year'),
      kind: takeParam(ctx, 'kind'),
    });
    if (checked.asOf) params.asOf = checked.asOf;
    if (checked.validity) params.validity = checked.validity;
    params.organizationIds = await organizationParam(strapi, ctx);
    if (params.organizationIds) filters.push({ issuingOrganization: { documentId: { $in: params.organizationIds } } });
    const { year, kind } = checked;
    if (year !== undefined) {
      params.year = Number(year);
      filters.push({ publishedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
    }
    const documentNumber = takeParam(ctx, 'documentNumber');
    if (documentNumber !== undefined) {
      const parsed = parseDocumentNumber(documentNumber);
      params.documentNumber = parsed.valid ? parsed.number.text : documentNumber;
      filters.push({ documentNumber: params.documentNumber });
    }
    const indexNumber = takeParam(ctx, 'indexNumber');
    if (indexNumber !== undefined) {
      params.indexNumber = indexNumber;
      filters.push({ indexNumber });
    }
    if (kind !== undefined) {
      params.kind = kind;
      filters.push({ kind });
    }
    const topic = takeParam(ctx, 'topic');
    if (topic !== undefined) {
      params.topic = topic;
      filters.push({ topic: { $or: [{ documentId: topic }, { code: topic }] } });
    }

    return { params, filters };
  }

  /** Strapi-path filters for the validity, which for a past date needs the event history. */
  async function validityFilters(params: ListParams, filters: Record<string, unknown>[]) {
    if (params.asOf) {
      const periods = (await getService(strapi, 'validity-periods').documentsOn(params.asOf, params.validity)) as { document: string }[];
      const ids = periods.map((row) => row.document);
      // An empty `$in` would not filter at all.
      filters.push(ids.length > 0 ? { documentId: { $in: ids } } : { id: { $null: true } });
    } else if (params.validity) {
      filters.push({ validity: params.validity });
    }
  }

  /**
   * The public fast path takes requests that use only our parameters, page-based pagination and
   * a simple sort; anything else (Strapi filters, fields, offset pagination) takes Strapi's path.
   */
  function fastListQuery(ctx: Context, params: ListParams): PublicListQuery | null {
    const { pagination, sort, populate: _populate, status: _status, ...rest } = ctx.query as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return null;
    let page = 1;
    let pageSize = DEFAULT_PAGE_SIZE;
    if (pagination !== undefined) {
      if (typeof pagination !== 'object' || pagination === null) return null;
      const { page: p, pageSize: s, ...other } = pagination as Record<string, unknown>;
      if (Object.keys(other).length > 0) return null;
      if (p !== undefined) {
        if (typeof p !== 'string' || !/^[1-9]\d{0,5}$/.test(p)) return null;
        page = Number(p);
      }
      if (s !== undefined) {
        if (typeof s !== 'string' || !/^[1-9]\d{0,5}$/.test(s)) return null;
        pageSize = Math.min(Number(s), MAX_PAGE_SIZE);
      }
    }
    let order: PublicListQuery['sort'] = { field: 'publishedOn', direction: 'desc' };
    if (sort !== undefined) {
      const match = typeof sort === 'string' ? /^([A-Za-z]+)(?::(asc|desc))?$/i.exec(sort) : null;
      if (!match || !(SORT_FIELDS as readonly string[]).includes(match[1])) return null;
      order = { field: match[1] as SortField, direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
    }
    return { ...params, page, pageSize, sort: order };
  }

  /**
   * A write's response shows the document as stored after every middleware ran, including the
   * registration that comes with a first publication.
   */
  async function respondWithStored(ctx: Context, documentId: string) {
    const status = (ctx.query as { status?: string }).status === 'draft' ? 'draft' : 'published';
    const stored = await strapi.documents(UID).findOne({ documentId, status, populate: SHALLOW_POPULATE as never });
    const sanitized = (await strapi.contentAPI.sanitize.output(stored, strapi.contentType(UID), { auth: ctx.state.auth })) as { documentId: string };
    const [data] = await documents().decorate([sanitized], await access(strapi).current());
    return { data, meta: {} };
  }

  return {
    async find(ctx: Context) {
      const { params, filters } = await readListParams(ctx);
      const scope = await access(strapi).current();
      // The fast path is for readers of published documents; editors' tools take Strapi's path.
      const fast = scope.mayReadUnpublished ? null : fastListQuery(ctx, params);
      let data: { documentId: string }[];
      let meta: Record<string, unknown>;
      if (fast) {
        const result = await publicRead().list(fast, scope);
        data = result.data;
        meta = { pagination: result.pagination };
      } else {
        // What the caller may read is narrowed where documents are read (organization-access's
        // read rule), on this path as on every other.
        await validityFilters(params, filters);
        addFilters(ctx, filters);
        const query = ctx.query as Record<string, unknown>;
        query.populate = LIST_POPULATE;
        if (query.sort === undefined) query.sort = ['publishedOn:desc', 'id:desc'];
        ({ data, meta } = (await super.find(ctx)) as { data: { documentId: string }[]; meta: Record<string, unknown> });
      }
      return { data: await documents().decorate(data, scope, { asOf: params.asOf }), meta: params.asOf ? { ...meta, asOf: params.asOf } : meta };
    },

    async findOne(ctx: Context) {
      const raw = takeParam(ctx, 'asOf');
      const asOf = raw === undefined ? undefined : asOfParam(raw);
      const scope = await access(strapi).current();
      const { status, ...rest } = ctx.query as Record<string, unknown>;
      // A reader of published documents asking for nothing but the document: the populate is our
      // own, so there is no query of the caller's to validate. The fast read applies the caller's
      // read rule to the document and every relation, and the answer is sanitized for the caller
      // as Strapi's is.
      if (!scope.mayReadUnpublished && Object.keys(rest).length === 0 && (status === undefined || status === 'published')) {
        const stored = await publicRead().one(ctx.params.id, scope);
        if (!stored) return ctx.notFound('Normative document not found');
        const sanitized = (await strapi.contentAPI.sanitize.output(stored, strapi.contentType(UID), { auth: ctx.state.auth })) as { documentId: string };
        const [data] = await documents().decorate([sanitized], scope, { asOf });
        return { data, meta: {} };
      }
      (ctx.query as Record<string, unknown>).populate = SHALLOW_POPULATE;
      const response = (await super.findOne(ctx)) as { data: { documentId: string } | null; meta: unknown } | undefined;
      if (!response?.data) return ctx.notFound('Normative document not found');
      const [data] = await documents().decorate([response.data], scope, { asOf });
      return { data, meta: response.meta };
    },

    async create(ctx: Context) {
      const response = (await super.create(ctx)) as { data: { documentId: string } };
      ctx.body = await respondWithStored(ctx, response.data.documentId);
    },

    async update(ctx: Context) {
      const response = (await super.update(ctx)) as { data: { documentId: string } } | undefined;
      if (!response?.data) return response;
      ctx.body = await respondWithStored(ctx, response.data.documentId);
    },

    async expiring(ctx: Context) {
      const { within } = readRouteInput<{ within: string }>(EXPIRING_QUERY, {
        within: takeParam(ctx, 'within') ?? String(strapi.config.get('plugin::document-lifecycle.reviewWindowDays')),
      });
      const organizationIds = await organizationParam(strapi, ctx);
      const unknown = Object.keys((ctx.query ?? {}) as Record<string, unknown>)[0];
      if (unknown !== undefined) throw fieldError(unknown, 'is not a parameter of this list (within, organization)');
      const today = chinaToday(new Date());
      const { groups, total } = await lifecycle().dueForReview(today, Number(within), await access(strapi).current(), organizationIds);
      ctx.body = { data: groups, meta: { today, within: Number(within), total } };
    },
  };
});
