import { Cron } from 'croner';
import { yup } from '@strapi/utils';
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

const wholeNumber = (least: number, most: number) =>
  yup
    .mixed<number>()
    .test('whole', `must be a whole number from ${least} to ${most}`, (value) => Number.isInteger(value) && (value as number) >= least && (value as number) <= most);

const cronRule = () =>
  yup.mixed<string>().test('cron', 'must be a cron rule of five or six fields, e.g. "5 0 * * *"', (value) => {
    if (typeof value !== 'string') return false;
    try {
      new Cron(value, { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  });

const SCHEMA = yup
  .object({
    term: yup
      .object({
        years: wholeNumber(1, 100),
        provisionalYears: wholeNumber(1, 100),
        provisionalMarkers: yup
          .mixed<string[]>()
          .test('markers', 'must be a list of words (e.g. ["试行", "暂行"])', (value) => Array.isArray(value) && value.every((marker) => typeof marker === 'string' && marker.trim() !== '')),
      })
      .noUnknown(true, 'has an unknown key: ${unknown}')
      .strict()
      .required()
      .typeError('must be an object { years, provisionalYears, provisionalMarkers }')
      .test('provisional-shorter', 'provisionalYears must not exceed years', (term) => {
        const { years, provisionalYears } = (term ?? {}) as { years?: unknown; provisionalYears?: unknown };
        const counted = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
        return !counted(years) || !counted(provisionalYears) || provisionalYears <= years;
      }),
    cron: yup
      .object({
        enabled: yup.mixed<boolean>().test('boolean', 'must be true or false', (value) => typeof value === 'boolean'),
        rule: cronRule(),
      })
      .noUnknown(true, 'has an unknown key: ${unknown}')
      .strict()
      .required()
      .typeError('must be an object { enabled, rule }'),
    reviewWindowDays: wholeNumber(1, 3660),
    indexSerialDigits: wholeNumber(1, 10),
  })
  .noUnknown(true, 'has an unknown key: ${unknown}')
  .strict();

export default {
  default: (): LifecycleConfig => ({
    term: DEFAULT_TERM_POLICY,
    cron: { enabled: true, rule: '5 0 * * *' },
    reviewWindowDays: 180,
    indexSerialDigits: 5,
  }),
  /** Stops the start on the first wrong setting, naming it: a wrong term would be a 500 on every publication. */
  validator(config: unknown) {
    try {
      SCHEMA.validateSync(config, { abortEarly: true });
    } catch (error) {
      if (!(error instanceof yup.ValidationError)) throw error;
      const where = error.path ? `${error.path} ` : '';
      throw new Error(`document-lifecycle: ${where}${error.message.replace(new RegExp(`^${error.path ?? ''}\\s*`), '')}`);
    }
  },
};
