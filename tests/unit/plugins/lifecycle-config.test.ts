import config, { type LifecycleConfig } from '../../../src/plugins/document-lifecycle/server/src/config';

const valid = (): LifecycleConfig => config.default();
/** A configuration as a developer might write it: any shape at all. */
type Loose = { term: Record<string, unknown> | null; cron: Record<string, unknown>; [key: string]: unknown };
const edited = (change: (c: Loose) => void) => {
  const copy = JSON.parse(JSON.stringify(valid()));
  change(copy);
  return copy;
};

describe('document-lifecycle configuration', () => {
  it('accepts its defaults and a six-field cron rule', () => {
    expect(() => config.validator(valid())).not.toThrow();
    expect(() => config.validator(edited((c) => (c.cron.rule = '0 5 0 * * *')))).not.toThrow();
  });

  it.each<[string, (c: Loose) => void, string]>([
    ['term years as text', (c) => (c.term!.years = '3'), 'document-lifecycle: term.years must be a whole number from 1 to 100'],
    ['a negative term', (c) => (c.term!.years = -1), 'document-lifecycle: term.years must be a whole number from 1 to 100'],
    ['a fractional review window', (c) => (c.reviewWindowDays = 1.5), 'document-lifecycle: reviewWindowDays must be a whole number from 1 to 3660'],
    ['markers as one string', (c) => (c.term!.provisionalMarkers = '试行'), 'document-lifecycle: term.provisionalMarkers must be a list of words (e.g. ["试行", "暂行"])'],
    ['a provisional term longer than the term', (c) => (c.term!.provisionalYears = 6), 'document-lifecycle: term provisionalYears must not exceed years'],
    ['no term', (c) => (c.term = null), 'document-lifecycle: term must be an object { years, provisionalYears, provisionalMarkers }'],
    ['a cron rule in words', (c) => (c.cron.rule = 'every day'), 'document-lifecycle: cron.rule must be a cron rule of five or six fields, e.g. "5 0 * * *"'],
    ['cron enabled as text', (c) => (c.cron.enabled = 'no'), 'document-lifecycle: cron.enabled must be true or false'],
    ['a misspelled key', (c) => (c.reviewWindowDay = 30), 'document-lifecycle: has an unknown key: reviewWindowDay'],
    ['too many serial digits', (c) => (c.indexSerialDigits = 11), 'document-lifecycle: indexSerialDigits must be a whole number from 1 to 10'],
  ])('refuses %s, naming the setting', (_case, change, message) => {
    expect(() => config.validator(edited(change))).toThrow(message);
  });
});
