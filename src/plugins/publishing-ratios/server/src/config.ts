import { DEFAULT_THRESHOLDS, type Enforcement, type PeriodKind, type Thresholds } from '../../../../domain/publishing-ratios';

export interface RatiosConfig {
  thresholds: Thresholds;
  /** The period a publication is judged in, and the default period of the reports. */
  period: PeriodKind;
  enforcement: Enforcement;
}

const PERIODS: PeriodKind[] = ['year', 'quarter', 'month'];
const ENFORCEMENTS: Enforcement[] = ['off', 'warn', 'block'];

export default {
  default: { thresholds: DEFAULT_THRESHOLDS, period: 'year', enforcement: 'warn' } satisfies RatiosConfig,
  validator(config: RatiosConfig) {
    for (const kind of ['diverse', 'offWebsite'] as const) {
      const value = config.thresholds?.[kind];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        throw new Error(`publishing-ratios: thresholds.${kind} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
      }
    }
    if (!PERIODS.includes(config.period)) throw new Error(`publishing-ratios: period must be one of ${PERIODS.join(', ')}`);
    if (!ENFORCEMENTS.includes(config.enforcement)) throw new Error(`publishing-ratios: enforcement must be one of ${ENFORCEMENTS.join(', ')}`);
  },
};
