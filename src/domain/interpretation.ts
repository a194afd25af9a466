import type { IsoDate } from './dates';
import { isBeyondWebsite, isDiverse } from './publishing-ratios';
import { CalendarError } from './working-days';

/**
 * The rules of a policy interpretation (政策解读) and what they derive: it is published only after a
 * source document it interprets; the body that drafted a document interprets it (谁起草、谁解读),
 * so an interpretation by an organization that issued none of its sources is published with a
 * warning; and its timeliness is the number of statutory working days from the latest
 * publication among its sources to its own.
 */

/** A remark recorded with a publication that went through but needs someone's attention. */
export interface PublicationWarning {
  code: 'INTERPRETATION_NOT_BY_ISSUER' | 'INTERPRETATION_NO_CALENDAR' | (string & {});
  message: string;
}

/** A source document as the rules see it. */
export interface SourceFacts {
  title: string;
  documentNumber: string | null;
  /** The legal publication date of its published version; null while it has none. */
  publishedOn: IsoDate | null;
  /** Its issuing organization and co-issuers. */
  issuers: number[];
}

/** One stored version of an interpretation (the draft or the published one). */
export interface InterpretationVersion {
  /** Whether this is the published version. */
  published: boolean;
  publishedOn: IsoDate | null;
  publicationWarnings: PublicationWarning[] | null;
  /** The interpreting organization. */
  organization: number | null;
  /** The sources this version links to. */
  sources: SourceFacts[];
  form: { countsAsDiverse?: boolean | null } | null;
  channels: ({ isGovernmentWebsite?: boolean | null } | null | undefined)[];
}

export interface InterpretationFacts {
  version: InterpretationVersion;
  /** The sources the draft names: a published version links only to published documents. */
  draftSources: SourceFacts[];
  /** Whether the write being judged publishes. */
  publishing: boolean;
  today: IsoDate;
  /** Timely when published within this many working days (the work points: 3). */
  timelyWithinWorkingDays: number;
  /** Statutory working days from one date to a later one; throws CalendarError for a year not loaded. */
  workingDaysBetween: (from: IsoDate, to: IsoDate) => number;
}

/** What the system keeps on each version; never written by clients. */
export interface DerivedInterpretation {
  publishedOn: IsoDate | null;
  diverseForm: boolean;
  beyondWebsite: boolean;
  lagWorkingDays: number | null;
  timely: boolean | null;
  publicationWarnings: PublicationWarning[] | null;
}

export type InterpretationJudgement =
  | { refused: { field: 'sourceDocuments'; message: string } }
  | { derived: DerivedInterpretation; missingCalendar: CalendarError | null };

/** The date an interpretation is measured from: the latest publication among its published sources. */
export const referenceDate = (sources: readonly SourceFacts[]): IsoDate | null =>
  sources.map((source) => source.publishedOn).filter((date): date is IsoDate => date !== null).sort().pop() ?? null;

const cited = (source: SourceFacts) => `《${source.title}》${source.documentNumber ? `（${source.documentNumber}）` : ''}`;

export function judgeInterpretation(facts: InterpretationFacts): InterpretationJudgement {
  const { version, publishing, today } = facts;
  const reference = referenceDate(version.sources);
  // The publication rules apply when the published version is being written by a publication;
  // any other write keeps the warnings it was published with.
  const gate = publishing && version.published;
  const warnings = (version.publicationWarnings ?? []).filter(
    (warning) => warning.code !== 'INTERPRETATION_NO_CALENDAR' && !(gate && warning.code === 'INTERPRETATION_NOT_BY_ISSUER'),
  );
  const publishedOn = version.publishedOn ?? (publishing ? today : null);

  if (gate) {
    const named = version.sources.length > 0 ? version.sources : facts.draftSources;
    if (named.length === 0) return { refused: { field: 'sourceDocuments', message: 'needs at least one normative document to publish an interpretation' } };
    if (!reference) {
      return { refused: { field: 'sourceDocuments', message: `cannot be published before its source document is: ${named.map(cited).join('、')} not published` } };
    }
    const organization = version.organization;
    if (organization !== null && !version.sources.some((source) => source.publishedOn !== null && source.issuers.includes(organization))) {
      warnings.push({ code: 'INTERPRETATION_NOT_BY_ISSUER', message: '解读机构不是所解读文件的发文机关或联合发文机关（谁起草、谁解读）' });
    }
  }

  let lag: number | null = null;
  let missingCalendar: CalendarError | null = null;
  if (reference && publishedOn) {
    try {
      lag = facts.workingDaysBetween(reference, publishedOn);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      missingCalendar = error;
      warnings.push({ code: 'INTERPRETATION_NO_CALENDAR', message: `${error.year} 年节假日安排尚未载入，无法计算解读时效` });
    }
  }
  return {
    derived: {
      publishedOn,
      diverseForm: isDiverse(version.form),
      beyondWebsite: isBeyondWebsite(version.channels),
      lagWorkingDays: lag,
      timely: lag === null ? null : lag <= facts.timelyWithinWorkingDays,
      publicationWarnings: warnings.length > 0 ? warnings : null,
    },
    missingCalendar,
  };
}
