import { DEFAULT_TERM_POLICY, type TermPolicy } from '../../../../domain/validity-term';

export interface LifecycleConfig {
  /** Default term of validity, per jurisdiction. */
  term: TermPolicy;
  /** The daily run of date-driven transitions (cron rule, China time). */
  cron: { enabled: boolean; rule: string };
  /** Documents whose term ends within this many days are due for review (6 months). */
  reviewWindowDays: number;
  /** Digits of the serial in an index number: 2017-00110. */
  indexSerialDigits: number;
}

export default {
  default: (): LifecycleConfig => ({
    term: DEFAULT_TERM_POLICY,
    cron: { enabled: true, rule: '5 0 * * *' },
    reviewWindowDays: 180,
    indexSerialDigits: 5,
  }),
  validator(config: LifecycleConfig) {
    const { term, reviewWindowDays, indexSerialDigits } = config;
    if (!(term.years > 0 && term.provisionalYears > 0)) throw new Error('document-lifecycle: term years must be positive');
    if (!(reviewWindowDays > 0)) throw new Error('document-lifecycle: reviewWindowDays must be positive');
    if (!(indexSerialDigits >= 1 && indexSerialDigits <= 10)) throw new Error('document-lifecycle: indexSerialDigits must be 1–10');
  },
};
