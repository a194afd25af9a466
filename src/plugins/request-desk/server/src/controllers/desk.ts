import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  APPLICANT_TYPE_LABELS,
  DECISION_LABELS,
  DECISION_REASON_LABELS,
  RECEIVED_VIA_LABELS,
  REPLY_TYPE_LABELS,
  type ApplicantType,
  type Decision,
  type DecisionReason,
  type ReceivedVia,
  type RecordedStep,
  type ReplyType,
  type StepInput,
} from '../../../../../domain/disclosure-request';
import { availableSteps, STEP_ERROR_MESSAGES } from '../../../../../domain/request-step-forms';
import { chinaToday, toIsoDate, type IsoDate } from '../../../../../domain/dates';
import { workingCalendar } from '../../../../../utils/calendar';
import type { DisclosureRequestService } from '../../../../../api/disclosure-request/services/disclosure-request';
import { DESK_STEP, readDueQuery, STEP_FIELDS } from '../../../../../api/disclosure-request/step-input';
import { documentVersion, parseIfMatch } from '../../../../../setup/document-versions';
import { access, reaches, type AccessScope } from '../../../../../utils/access';
import { forbiddenError, ruleErrorToHttp } from '../../../../../utils/errors';
import { readRouteInput } from '../../../../../utils/route-input';
import { REQUEST_UID, RESTRICTED } from '../constants';

interface Ability {
  can: (action: string) => boolean;
}

interface CaseRow {
  documentId: string;
  receivedOn: unknown;
  receivedVia: ReceivedVia | null;
  applicantType: ApplicantType | null;
  trackingCode: string | null;
  organization: { id: number; documentId: string; name: string } | null;
}


const may = (ctx: Context, action: string) => (ctx.state.userAbility as Ability | undefined)?.can(`plugin::request-desk.${action}`) === true;

/**
 * The admin's desk for one request and the list of those due. Everything about a request is
 * read under the signed-in user's scope (organization-access), as on every other path; the steps
 * offered are those the request's status allows and the user may take.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => strapi.service(REQUEST_UID) as unknown as DisclosureRequestService;

  async function readable(documentId: string, scope: AccessScope): Promise<CaseRow | null> {
    if (!(await access(strapi).readableDocumentIds(REQUEST_UID, [documentId], scope)).has(documentId)) return null;
    return (await strapi.db.query(REQUEST_UID).findOne({
      where: { documentId },
      select: ['documentId', 'receivedOn', 'receivedVia', 'applicantType', 'trackingCode'],
      populate: { organization: { select: ['id', 'documentId', 'name'] } },
    })) as CaseRow | null;
  }

  return {
    async case(ctx: Context) {
      const scope = await access(strapi).current();
      const { documentId } = ctx.params as { documentId: string };
      const row = await readable(documentId, scope);
      if (!row) return ctx.notFound('该申请不存在或无权查看');
      const [clock] = await requests().decorate([{ documentId, receivedOn: row.receivedOn }]);
      const { steps, chain } = await requests().history(documentId);
      const mayChange = reaches(scope.write, row.organization?.id) && may(ctx, 'handle');
      const recorded: RecordedStep[] = steps.map((step) => ({ action: step.action, date: step.date, dueOn: step.dueOn, decision: step.decision as Decision | null }));
      const receivedOn = toIsoDate(row.receivedOn) as IsoDate;
      const on = { receivedOn, today: chinaToday(new Date()), calendar: await workingCalendar(strapi) };
      const actions = mayChange ? availableSteps(recorded, on).filter((form) => !Object.hasOwn(RESTRICTED, form.action) || may(ctx, RESTRICTED[form.action])) : [];
      const version = await documentVersion(strapi, REQUEST_UID, documentId, false);
      if (version) ctx.set('ETag', version);
      ctx.body = {
        data: {
          ...clock,
          // Sent back as If-Match with a step, so a step taken meanwhile by someone else is not overtaken.
          version,
          trackingCode: row.trackingCode,
          receivedVia: row.receivedVia,
          receivedViaLabel: row.receivedVia ? RECEIVED_VIA_LABELS[row.receivedVia] : null,
          applicantTypeLabel: row.applicantType ? APPLICANT_TYPE_LABELS[row.applicantType] : null,
          organization: row.organization ? { documentId: row.organization.documentId, name: row.organization.name } : null,
          steps: steps.map((step) => ({
            sequence: step.sequence,
            action: step.action,
            actionLabel: step.actionLabel,
            date: step.date,
            reason: step.reason,
            dueOn: step.dueOn,
            decisionLabel: step.decision ? DECISION_LABELS[step.decision as Decision] : null,
            decisionReasonLabel: step.decisionReason ? DECISION_REASON_LABELS[step.decisionReason as DecisionReason] : null,
            replyTypeLabel: step.replyType ? REPLY_TYPE_LABELS[step.replyType as ReplyType] : null,
            actorName: step.actorName,
            occurredAt: step.occurredAt,
          })),
          chain,
          actions,
        },
      };
    },

    async step(ctx: Context) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const input = readRouteInput<StepInput>(DESK_STEP, body, { keys: STEP_FIELDS, message: '不是办理环节的字段' });
      const restricted = typeof input.action === 'string' && Object.hasOwn(RESTRICTED, input.action) ? RESTRICTED[input.action] : undefined;
      if (restricted && !may(ctx, restricted)) throw forbiddenError(restricted === 'extend' ? '没有延长答复期限的权限' : '没有审核报批的权限');
      const scope = await access(strapi).current();
      const { documentId } = ctx.params as { documentId: string };
      if (!(await readable(documentId, scope))) return ctx.notFound('该申请不存在或无权查看');
      try {
        const { step, request, version } = await requests().step(documentId, input, scope, parseIfMatch(ctx.get('If-Match')), 'admin');
        if (version) ctx.set('ETag', version);
        ctx.body = { data: request, meta: { step } };
      } catch (error) {
        // The admin is told in Chinese, with the field the rule names.
        throw ruleErrorToHttp(error, (rule) => STEP_ERROR_MESSAGES[rule.code] ?? rule.message);
      }
    },

    async due(ctx: Context) {
      const { within, organizationIds } = await readDueQuery(strapi, ctx, '不是这个列表的参数（within, organization）');
      const data = await requests().due(within, await access(strapi).current(), organizationIds);
      ctx.body = { data, meta: { within, total: data.length } };
    },
  };
};
