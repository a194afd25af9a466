import type { Core, Modules } from '@strapi/strapi';
import { chinaToday, isIsoDate, toIsoDate } from '../../domain/dates';
import { judgeInterpretation, referenceDate, type PublicationWarning, type SourceFacts } from '../../domain/interpretation';
import { workingCalendar } from '../../utils/calendar';
import { fieldError } from '../../utils/errors';
import { readLinkedRefs, readToOneChange, type RelationRef } from '../../utils/relations';
import { assignToResult, isPublication } from '../../utils/documents';
import { slugFromTitle, uniqueSlug } from '../../utils/slug';

export const UID = 'api::policy-interpretation.policy-interpretation';
const DOCUMENT_UID = 'api::normative-document.normative-document';
const FORM_UID = 'api::interpretation-form.interpretation-form';
const CHANNEL_UID = 'api::channel.channel';

/** Kept by the system from the form, the channels and the dates; never written by clients. */
export const DERIVED_FIELDS = ['diverseForm', 'beyondWebsite', 'lagWorkingDays', 'timely', 'publicationWarnings'] as const;


type Params = { documentId?: string; data?: Record<string, unknown>; status?: string };
type Row = Record<string, unknown> & { id: number; documentId: string; publishedAt: string | null };

const refWhere = (ref: RelationRef) => ('documentId' in ref ? { documentId: ref.documentId } : { id: ref.id });
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A source document an interpretation names, with what publication and timeliness need of it. */
type SourceDocument = SourceFacts & { documentId: string };

/**
 * Applies the rules of policy interpretations (`domain/interpretation.ts`) on every write path:
 * checks the references exist and no date precedes the source document's publication, then
 * gathers each stored version's facts and keeps what the rules derive from them.
 */
export function policyInterpretationMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const rows = () => strapi.db.query(UID);

  async function sources(documentIds: string[]): Promise<SourceDocument[]> {
    if (documentIds.length === 0) return [];
    const found = (await strapi.db.query(DOCUMENT_UID).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId', 'title', 'documentNumber', 'publishedOn', 'publishedAt'],
      populate: { issuingOrganization: { select: ['id'] }, coIssuers: { select: ['id'] } },
    })) as (Row & { issuingOrganization?: { id: number } | null; coIssuers?: { id: number }[] })[];
    return documentIds
      .map((documentId) => {
        const versions = found.filter((row) => row.documentId === documentId);
        if (versions.length === 0) return null;
        const published = versions.find((row) => row.publishedAt !== null);
        const any = published ?? versions[0];
        return {
          documentId,
          title: any.title as string,
          documentNumber: (any.documentNumber as string | null) ?? null,
          publishedOn: published ? toIsoDate(published.publishedOn as string | null) : null,
          issuers: [any.issuingOrganization?.id, ...(any.coIssuers ?? []).map((o) => o.id)].filter((id): id is number => typeof id === 'number'),
        };
      })
      .filter((source): source is SourceDocument => source !== null);
  }

  async function resolveRefs(uid: string, value: unknown, field: string): Promise<string[] | undefined> {
    if (value === undefined) return undefined;
    const refs = readLinkedRefs(value);
    if (refs === 'invalid') throw fieldError(field, 'must be documentIds', value);
    const documentIds: string[] = [];
    for (const ref of refs) {
      const row = await strapi.db.query(uid).findOne({ where: refWhere(ref), select: ['documentId'] });
      if (!row) throw fieldError(field, `does not exist: ${'documentId' in ref ? ref.documentId : ref.id}`, value);
      documentIds.push(row.documentId);
    }
    return documentIds;
  }

  async function storedDraft(documentId: string): Promise<Row | null> {
    return rows().findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'documentId', 'publishedOn', ...DERIVED_FIELDS],
      populate: { sourceDocuments: { select: ['documentId'] } },
    });
  }

  /** Checks a create or update before it is written; nothing is written when it refuses. */
  async function prepareWrite(action: string, params: Params): Promise<void> {
    const data = params.data;
    if (!data) return;
    const stored = action === 'update' && params.documentId ? await storedDraft(params.documentId) : null;

    for (const field of DERIVED_FIELDS) {
      if (!(field in data)) continue;
      if (stored && same(data[field], stored[field])) {
        delete data[field];
        continue;
      }
      if (!stored && (data[field] === null || data[field] === undefined)) {
        delete data[field];
        continue;
      }
      throw fieldError(field, 'is kept by the system from the form, the channels and the dates', data[field]);
    }

    const form = readToOneChange(data.form);
    if (form === 'invalid') throw fieldError('form', 'must be the documentId of an interpretation form', data.form);
    if (form.kind === 'set' && !(await strapi.db.query(FORM_UID).findOne({ where: refWhere(form.ref), select: ['id'] }))) {
      throw fieldError('form', 'does not exist', data.form);
    }

    const named = await resolveRefs(DOCUMENT_UID, data.sourceDocuments, 'sourceDocuments');
    const sourceIds = named ?? ((stored?.sourceDocuments as { documentId: string }[] | undefined) ?? []).map((s) => s.documentId);
    const reference = referenceDate(await sources(sourceIds));

    if (data.publishedOn !== undefined && data.publishedOn !== null) {
      if (!isIsoDate(data.publishedOn)) throw fieldError('publishedOn', 'must be a calendar date (YYYY-MM-DD)', data.publishedOn);
      if (reference && data.publishedOn < reference) {
        throw fieldError('publishedOn', `must not be before the source document's publication on ${reference}`, data.publishedOn);
      }
    }

    if (data.channelPublications !== undefined && data.channelPublications !== null) {
      if (!Array.isArray(data.channelPublications)) throw fieldError('channelPublications', 'must be a list of channel publications', data.channelPublications);
      for (const [index, entry] of (data.channelPublications as Record<string, unknown>[]).entries()) {
        if (!entry || typeof entry !== 'object') throw fieldError(['channelPublications', String(index)], 'must be a channel publication', entry);
        const channel = readToOneChange(entry.channel);
        // An entry already stored (it has its id) keeps its channel unless it names another.
        const kept = entry.id !== undefined && channel !== 'invalid' && channel.kind === 'unchanged';
        if (!kept && (channel === 'invalid' || channel.kind !== 'set')) {
          throw fieldError(['channelPublications', String(index), 'channel'], 'must name a channel', entry.channel ?? null);
        }
        if (channel.kind === 'set' && !(await strapi.db.query(CHANNEL_UID).findOne({ where: refWhere(channel.ref), select: ['id'] }))) {
          throw fieldError(['channelPublications', String(index), 'channel'], 'does not exist', entry.channel);
        }
        const date = entry.publishedOn;
        if (date !== undefined && date !== null && !isIsoDate(date)) {
          throw fieldError(['channelPublications', String(index), 'publishedOn'], 'must be a calendar date (YYYY-MM-DD)', date);
        }
        if (isIsoDate(date) && reference && date < reference) {
          throw fieldError(
            ['channelPublications', String(index), 'publishedOn'],
            `must not be before the source document's publication on ${reference}`,
            date,
          );
        }
      }
    }

    if (action !== 'update' && !data.slug && typeof data.title === 'string') {
      data.slug = await uniqueSlug(slugFromTitle(data.title), async (slug) => (await rows().count({ where: { slug } })) > 0);
    }
  }

  /**
   * Recomputes the derived fields of every stored version from what is stored, so they hold
   * whichever path wrote; returns those of the published version, or of the draft.
   */
  async function derive(documentId: string, publishing: boolean): Promise<Record<string, unknown> | null> {
    const versions = (await rows().findMany({
      where: { documentId },
      select: ['id', 'publishedAt', 'publishedOn', 'publicationWarnings'],
      populate: {
        form: { select: ['countsAsDiverse'] },
        organization: { select: ['id'] },
        sourceDocuments: { select: ['documentId'] },
        channelPublications: { populate: { channel: { select: ['isGovernmentWebsite'] } } },
      },
    })) as (Row & {
      form?: { countsAsDiverse: boolean } | null;
      organization?: { id: number } | null;
      sourceDocuments?: { documentId: string }[];
      channelPublications?: { channel?: { isGovernmentWebsite: boolean } | null }[];
    })[];
    if (versions.length === 0) return null;
    const timelyWithinWorkingDays = strapi.config.get('gongkai.interpretation.timelyWithinWorkingDays', 3) as number;
    const today = chinaToday(new Date());
    const calendar = await workingCalendar(strapi);
    const draft = versions.find((candidate) => candidate.publishedAt === null);
    const draftSources = await sources((draft?.sourceDocuments ?? []).map((s) => s.documentId));
    let answer: Record<string, unknown> | null = null;

    for (const version of versions) {
      const judgement = judgeInterpretation({
        version: {
          published: version.publishedAt !== null,
          publishedOn: toIsoDate(version.publishedOn as string | null),
          publicationWarnings: (version.publicationWarnings as PublicationWarning[] | null) ?? null,
          organization: version.organization?.id ?? null,
          sources: await sources((version.sourceDocuments ?? []).map((s) => s.documentId)),
          form: version.form ?? null,
          channels: (version.channelPublications ?? []).map((entry) => entry.channel),
        },
        draftSources,
        publishing,
        today,
        timelyWithinWorkingDays,
        workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
      });
      if ('refused' in judgement) throw fieldError(judgement.refused.field, judgement.refused.message);
      if (judgement.missingCalendar) strapi.log.error(judgement.missingCalendar.message);
      await rows().update({ where: { id: version.id }, data: judgement.derived });
      if (version.publishedAt !== null || answer === null) answer = judgement.derived as unknown as Record<string, unknown>;
    }
    return answer;
  }

  return async (context, next) => {
    if (context.uid !== UID) return next();
    const params = context.params as Params;
    const { action } = context;
    if (action === 'create' || action === 'update' || action === 'clone') await prepareWrite(action, params);
    if (!['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(action)) return next();

    const publishing = isPublication(action, params);
    // The write, its derived fields and the publication rules stand or fall together.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const derived = await derive(documentId, publishing);
      if (derived) assignToResult(result, derived);
      return result;
    }) as never;
  };
}
