import { isIsoDate, type IsoDate } from './dates';

/**
 * Publishing ratios of policy interpretations (Taiyuan 2020 work points, 三(二)).
 *
 * For one organization and one period:
 * - the denominator is the organization's interpretations published within the period (by their
 *   publication date);
 * - diverse: those whose form counts as diverse (anything but plain text, by the form's setting);
 * - off-website: those with at least one publication record on a channel that is not the
 *   government website.
 * A ratio exactly at its threshold passes. An organization with no interpretations in the period
 * has no ratio ("no data"), not 0%.
 */
export interface RatioCounts {
  total: number;
  diverse: number;
  offWebsite: number;
}

export type RatioKind = 'diverse' | 'offWebsite';
export const RATIO_KINDS: RatioKind[] = ['diverse', 'offWebsite'];

export interface Thresholds {
  diverse: number;
  offWebsite: number;
}

/** Diverse: the interpretation's form counts as diverse (plain text does not). */
export const isDiverse = (form: { countsAsDiverse?: boolean | null } | null | undefined): boolean => form?.countsAsDiverse === true;

/** Off-website: published on at least one channel that is not the government website. */
export const isBeyondWebsite = (channels: readonly ({ isGovernmentWebsite?: boolean | null } | null | undefined)[]): boolean =>
  channels.some((channel) => channel !== null && channel !== undefined && channel.isGovernmentWebsite === false);

export const DEFAULT_THRESHOLDS: Thresholds = { diverse: 0.7, offWebsite: 0.5 };

const NAMES: Record<RatioKind, { zh: string; en: string }> = {
  diverse: { zh: '多样化形式解读', en: 'diverse-form interpretations' },
  offWebsite: { zh: '在政府网站以外渠道发布的解读', en: 'interpretations published beyond the government website' },
};

export interface RatioResult {
  kind: RatioKind;
  count: number;
  total: number;
  /** count / total, or null when there is nothing to measure. */
  value: number | null;
  threshold: number;
  status: 'pass' | 'fail' | 'no_data';
  /** How many more such interpretations would reach the threshold; null if no number can. */
  shortfall: number | null;
  text: string;
  textEn: string;
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** count/total ≥ threshold, decided without floating-point drift at the boundary. */
const meets = (count: number, total: number, threshold: number) => count * 1e6 >= Math.round(threshold * 1e6) * total;

export function evaluateRatio(kind: RatioKind, count: number, total: number, threshold: number): RatioResult {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new RangeError(`threshold must be a number from 0 to 1, got ${threshold}`);
  const name = NAMES[kind];
  const base = { kind, count, total, threshold };
  if (total === 0) {
    return { ...base, value: null, status: 'no_data', shortfall: 0, text: '本期没有已发布的政策解读，不计算比例', textEn: 'no interpretations published in this period: no ratio' };
  }
  const value = count / total;
  if (meets(count, total, threshold)) {
    return { ...base, value, status: 'pass', shortfall: 0, text: `${name.zh}占 ${percent(value)}，达到 ${percent(threshold)}`, textEn: `${percent(value)} ${name.en}, at least ${percent(threshold)}` };
  }
  if (threshold >= 1) {
    return { ...base, value, status: 'fail', shortfall: null, text: `${name.zh}占 ${percent(value)}，要求全部为${name.zh}`, textEn: `${percent(value)} ${name.en}; every one must be` };
  }
  // Adding k interpretations of this kind: (count + k) / (total + k) ≥ threshold.
  let shortfall = Math.max(0, Math.ceil((threshold * total - count) / (1 - threshold) - 1e-9));
  while (!meets(count + shortfall, total + shortfall, threshold)) shortfall += 1;
  return {
    ...base,
    value,
    status: 'fail',
    shortfall,
    text: `${name.zh}占 ${percent(value)}，还需 ${shortfall} 篇${name.zh}才能达到 ${percent(threshold)}`,
    textEn: `needs ${shortfall} more ${name.en} to reach ${percent(threshold)} (now ${percent(value)})`,
  };
}

export interface Evaluation {
  counts: RatioCounts;
  diverse: RatioResult;
  offWebsite: RatioResult;
  status: 'pass' | 'fail' | 'no_data';
}

export function evaluate(counts: RatioCounts, thresholds: Thresholds): Evaluation {
  const diverse = evaluateRatio('diverse', counts.diverse, counts.total, thresholds.diverse);
  const offWebsite = evaluateRatio('offWebsite', counts.offWebsite, counts.total, thresholds.offWebsite);
  const status = counts.total === 0 ? 'no_data' : diverse.status === 'pass' && offWebsite.status === 'pass' ? 'pass' : 'fail';
  return { counts, diverse, offWebsite, status };
}

export const addCounts = (a: RatioCounts, b: RatioCounts): RatioCounts => ({
  total: a.total + b.total,
  diverse: a.diverse + b.diverse,
  offWebsite: a.offWebsite + b.offWebsite,
});

export const NO_COUNTS: RatioCounts = { total: 0, diverse: 0, offWebsite: 0 };

/** One interpretation about to be published, as the ratios see it. */
export interface Candidate {
  diverse: boolean;
  offWebsite: boolean;
}

export type Enforcement = 'off' | 'warn' | 'block';

export interface Verdict {
  allowed: boolean;
  /** The ratios this publication would leave below their thresholds because of this interpretation. */
  breaches: RatioResult[];
  after: Evaluation;
}

/**
 * What publishing one interpretation does to its organization's ratios for the period. It
 * breaches a ratio when it is not of that ratio's kind (plain text; website only) and the ratio
 * afterwards is below the threshold. `block` refuses a breach, `warn` lets it through with the
 * breach recorded, `off` only reports.
 */
export function judgePublication(before: RatioCounts, candidate: Candidate, thresholds: Thresholds, mode: Enforcement): Verdict {
  const after = evaluate(
    addCounts(before, { total: 1, diverse: candidate.diverse ? 1 : 0, offWebsite: candidate.offWebsite ? 1 : 0 }),
    thresholds,
  );
  const breaches = RATIO_KINDS.filter((kind) => !candidate[kind] && after[kind].status === 'fail').map((kind) => after[kind]);
  return { allowed: mode !== 'block' || breaches.length === 0, breaches, after };
}

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  /** `2026`, `2026-Q1` or `2026-03`. */
  label: string;
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
}

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** Reads `2026`, `2026-Q3` or `2026-07`; null for anything else. */
/** Periods before any government information disclosure rules: a year such as 0000 is a typing error. */
const FIRST_YEAR = 1900;

export function parsePeriod(text: string): Period | null {
  if (/^\d{4}/.test(text) && Number(text.slice(0, 4)) < FIRST_YEAR) return null;
  let match = /^(\d{4})$/.exec(text);
  if (match) return { label: text, kind: 'year', from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { label: text, kind: 'quarter', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDayOf(year, first + 2)}` };
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return { label: text, kind: 'month', from: `${year}-${match[2]}-01`, to: `${year}-${match[2]}-${lastDayOf(year, month)}` };
  }
  return null;
}

/** The period of the given kind that contains `date`. */
export function periodOf(date: IsoDate, kind: PeriodKind): Period {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const label = kind === 'year' ? year : kind === 'quarter' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${pad(month)}`;
  return parsePeriod(label) as Period;
}
