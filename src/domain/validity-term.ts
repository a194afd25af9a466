import { addDays, addYears, type IsoDate } from './dates';

/**
 * Terms of validity (有效期). There is no national rule; the usual local pattern is 5 years, and 2
 * for documents marked 试行 or 暂行 (Guangzhou 2006, Shandong). Each jurisdiction configures its own.
 */
export interface TermPolicy {
  years: number;
  provisionalYears: number;
  /** Words in a title that mark a provisional document. */
  provisionalMarkers: readonly string[];
}

export const DEFAULT_TERM_POLICY: TermPolicy = { years: 5, provisionalYears: 2, provisionalMarkers: ['试行', '暂行'] };

/** The last day of validity: N years from the effective date, less one day (施行满N年之日止). */
export function defaultValidUntil(title: string, effectiveFrom: IsoDate, policy: TermPolicy = DEFAULT_TERM_POLICY): IsoDate {
  const provisional = policy.provisionalMarkers.some((marker) => title.includes(marker));
  return addDays(addYears(effectiveFrom, provisional ? policy.provisionalYears : policy.years), -1);
}
