import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { chinaToday } from '../../../domain/dates';
import { APPLICANT_TYPES, type StepInput } from '../../../domain/disclosure-request';
import { access, organizationTree } from '../../../utils/access';
import { clusterAttempts } from '../../../utils/cluster-attempts';
import { checkOrganizationCode } from '../../../domain/organization-code';
import { clientNetwork } from '../../../utils/client-network';
import { fieldError, forbiddenError, ruleErrorToHttp, withoutInput } from '../../../utils/errors';
import { parseIfMatch } from '../../../setup/document-versions';
import { oneOfValues, readRouteInput, yup } from '../../../utils/route-input';
import { UID, type DisclosureRequestService } from '../services/disclosure-request';
import { readDueQuery, STEP, STEP_FIELDS, text } from '../step-input';


const ORGANIZATION_APPLICANT = (type: unknown) => typeof type === 'string' && type !== 'natural_person';
/** The checks across fields apply once the applicant type itself is right (its own message comes first). */
const knownType = (type: unknown) => (APPLICANT_TYPES as readonly unknown[]).includes(type);

/** The public form: who asks, how to reach them, and what they ask for. */
const SUBMISSION = yup.object({
  organization: yup.mixed<string>().test('document-id', 'must be the documentId of the organization asked', (value) => typeof value === 'string' && value !== ''),
  applicantType: oneOfValues(APPLICANT_TYPES).test('required', 'is required', (value) => value !== undefined),
  applicantName: text(100, true),
  idType: oneOfValues(['resident_identity_card', 'passport', 'exit_entry_permit', 'other']),
  idNumber: text(40),
  organizationCode: text(18),
  legalRepresentative: text(100),
  phone: text(30, true),
  email: yup.mixed<string>().test('email', 'must be an e-mail address', (value) => value === undefined || value === null || (typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 200)),
  postalAddress: text(255),
  description: text(5000, true),
  purpose: text(1000),
  formWanted: oneOfValues(['paper', 'electronic', 'either']),
  deliveryWanted: oneOfValues(['in_person', 'post', 'email', 'online', 'fax']),
})
  .test('person-id', 'idNumber is required of a natural person', function (value) {
    if (!value || !knownType(value.applicantType) || ORGANIZATION_APPLICANT(value.applicantType) || (typeof value.idNumber === 'string' && value.idNumber.trim() !== '')) return true;
    return this.createError({ path: 'idNumber', message: 'is required of a natural person' });
  })
  .test('organization-code-check', 'organizationCode is not a valid code', function (value) {
    if (!value || typeof value.organizationCode !== 'string' || value.organizationCode.trim() === '') return true;
    const checked = checkOrganizationCode(value.organizationCode);
    return checked.valid || this.createError({ path: 'organizationCode', message: `is not a unified social credit code or organization code: ${checked.reason}` });
  })
  .test('organization-code', 'organizationCode is required of an organization', function (value) {
    if (!value || !knownType(value.applicantType) || !ORGANIZATION_APPLICANT(value.applicantType) || (typeof value.organizationCode === 'string' && value.organizationCode.trim() !== '')) return true;
    return this.createError({ path: 'organizationCode', message: 'is required of an organization (its unified social credit code)' });
  });
const SUBMISSION_FIELDS = Object.keys(SUBMISSION.fields);

/** The fields of a body, sent alone or as `{ data }` (then nothing else). */
function unwrapped(body: Record<string, unknown>): unknown {
  if (!('data' in body)) return body;
  const beside = Object.keys(body).find((key) => key !== 'data');
  if (beside !== undefined) throw fieldError(beside, 'is not a field of the request: send the fields alone or all in data');
  return body.data;
}

/**
 * Steps that need a permission of their own beside the right to handle the request: extending
 * the time limit (art. 33) and approving the reply (报批). Granted as the `extend` and `approve`
 * actions of disclosure requests, to a token or a users-permissions role.
 */
const HANDLE = 'api::disclosure-request.disclosure-request.update';
const RESTRICTED_ACTIONS: Record<string, string> = {
  extend: 'api::disclosure-request.disclosure-request.extend',
  approve: 'api::disclosure-request.disclosure-request.approve',
};

export default factories.createCoreController(UID, ({ strapi }) => {
  /** Refuses a restricted action to a caller without its permission (403), before anything is read. */
  async function assertMayTake(ctx: Context, action: unknown) {
    const auth = strapi.auth as unknown as { verify: (auth: unknown, config: { scope: string[] }) => Promise<void> };
    const holds = (scope: string) =>
      auth.verify(ctx.state.auth, { scope: [scope] }).then(
        () => true,
        () => false,
      );
    // The dedicated routes check only their own permission: handling the request is needed too.
    if (!(await holds(HANDLE))) throw forbiddenError('handling a request needs its update permission');
    const scope = typeof action === 'string' && Object.hasOwn(RESTRICTED_ACTIONS, action) ? RESTRICTED_ACTIONS[action] : undefined;
    if (scope && !(await holds(scope))) {
      throw forbiddenError(`${action} needs the permission to ${action === 'extend' ? 'extend the time limit' : 'approve replies'} (${scope.split('.').pop()})`);
    }
  }

  async function takeStep(ctx: Context, input: StepInput) {
    await assertMayTake(ctx, input.action);
    const versions = parseIfMatch(ctx.get('If-Match'));
    try {
      const { step, request, version } = await service().step(ctx.params.documentId, input, await access(strapi).current(), versions);
      if (version) ctx.set('ETag', version);
      ctx.body = { data: request, meta: { step } };
    } catch (error) {
      throw ruleErrorToHttp(error);
    }
  }

  /** The body of a dedicated step route: the step's fields without `action`, which the route names. */
  function readDedicated(ctx: Context, action: 'extend' | 'approve'): StepInput {
    const body = unwrapped((ctx.request.body ?? {}) as Record<string, unknown>);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return readRouteInput<StepInput>(STEP, body, { keys: STEP_FIELDS, message: 'is not a field of a step' });
    if ('action' in body) throw fieldError('action', `is given by the route (${action})`);
    return readRouteInput<StepInput>(STEP, { ...body, action }, { keys: STEP_FIELDS, message: 'is not a field of a step' });
  }

  const service = () => strapi.service(UID) as unknown as DisclosureRequestService;
  const limits = strapi.config.get('gongkai.requests') as { submissionsPerHour: number };
  const submissions = clusterAttempts(strapi, 'request submissions', { max: limits.submissionsPerHour, windowMs: 3600 * 1000 });

  return {
    async find(ctx: Context) {
      // Strapi's `_q` searches every text field, the applicant's private ones included.
      if ((ctx.query as Record<string, unknown>)._q !== undefined) throw fieldError('_q', 'is not offered on requests: filter by their fields instead');
      const response = (await super.find(ctx)) as { data: { documentId: string }[]; meta: unknown };
      return { data: await service().decorate(response.data), meta: response.meta };
    },

    async findOne(ctx: Context) {
      const response = (await super.findOne(ctx)) as { data: { documentId: string } | null; meta: unknown } | undefined;
      if (!response?.data) return ctx.notFound('Disclosure request not found');
      const [data] = await service().decorate([response.data]);
      return { data, meta: response.meta };
    },

    async create(ctx: Context) {
      const response = (await super.create(ctx)) as { data: { documentId: string }; meta: unknown };
      const [data] = await service().decorate([response.data]);
      return { data, meta: response.meta };
    },

    async update(ctx: Context) {
      const response = (await super.update(ctx)) as { data: { documentId: string } | null; meta: unknown } | undefined;
      if (!response?.data) return response;
      const [data] = await service().decorate([response.data]);
      return { data, meta: response.meta };
    },

    /** The public form: no account; one client address files a few an hour. */
    async submit(ctx: Context) {
      const client = clientNetwork(ctx.ip);
      const wait = await submissions.retryAfter(client);
      if (wait > 0) {
        ctx.set('Retry-After', String(Math.ceil(wait / 1000)));
        throw new errors.RateLimitError(`Too many requests filed from this address: try again in ${Math.ceil(wait / 60000)} minutes`, { retryAfter: Math.ceil(wait / 1000) });
      }
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      let input: Record<string, string | undefined>;
      try {
        input = readRouteInput<Record<string, string | undefined>>(SUBMISSION, unwrapped(body), { keys: SUBMISSION_FIELDS, message: 'is not a field of the request form' });
      } catch (error) {
        // A refused form never repeats the applicant's data back.
        throw withoutInput(error);
      }
      if (!/^[a-z0-9]+$/.test(input.organization as string)) throw fieldError('organization', 'does not exist', input.organization);
      await organizationTree(strapi).requestedSubtree(input.organization as string);
      const receivedOn = chinaToday(new Date());
      // Filed online, the request is received the day it is submitted (art. 31): the server
      // registers it for the organization asked, as staff register one handed in.
      const asSystem = strapi.requestContext as unknown as { run: <T>(store: undefined, work: () => Promise<T>) => Promise<T> };
      const created = (await asSystem.run(undefined, () => strapi.documents(UID).create({ data: { ...input, receivedVia: 'online', receivedOn } as never }))) as { documentId: string };
      // Counted once filed: a form refused for its input does not use up the address's filings.
      await submissions.record(client);
      const stored = (await strapi.db.query(UID).findOne({ where: { documentId: created.documentId }, select: ['trackingCode'] })) as { trackingCode: string };
      const tracked = await service().track(stored.trackingCode);
      ctx.status = 201;
      ctx.body = { data: { trackingCode: stored.trackingCode, receivedOn, dueOn: tracked?.dueOn ?? null, status: tracked?.status, statusLabel: tracked?.statusLabel, ...(tracked?.calendarProblem ? { calendarProblem: tracked.calendarProblem } : {}) } };
    },

    async track(ctx: Context) {
      // Read out over the phone, a code may come back in small letters.
      const code = String(ctx.params.trackingCode ?? '').toUpperCase();
      const found = /^GK(-[0-9A-HJKMNP-TV-Z]{6}){4}$/.test(code) ? await service().track(code) : null;
      if (!found) return ctx.notFound('No request has this tracking code');
      ctx.body = { data: found };
    },

    async step(ctx: Context) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const input = readRouteInput<StepInput>(STEP, unwrapped(body), { keys: STEP_FIELDS, message: 'is not a field of a step' });
      await takeStep(ctx, input);
    },

    /** `extend` by its own route, so that the permission to extend can be granted by itself. */
    async extend(ctx: Context) {
      await takeStep(ctx, readDedicated(ctx, 'extend'));
    },

    /** `approve` (报批) by its own route, for the same reason. */
    async approve(ctx: Context) {
      await takeStep(ctx, readDedicated(ctx, 'approve'));
    },

    async history(ctx: Context) {
      const { documentId } = ctx.params as { documentId: string };
      const visible = await strapi.documents(UID).findOne({ documentId, fields: ['documentId'] as never });
      if (!visible) return ctx.notFound('Disclosure request not found');
      const { steps, chain } = await service().history(documentId);
      ctx.body = { data: steps, meta: { chain } };
    },

    async due(ctx: Context) {
      const { within, organizationIds } = await readDueQuery(strapi, ctx, 'is not a parameter of this list (within, organization)');
      const data = await service().due(within, await access(strapi).current(), organizationIds);
      ctx.body = { data, meta: { today: chinaToday(new Date()), within, total: data.length } };
    },
  };
});
