import type { IsoDate } from '../../../src/domain/dates';
import { judgeInterpretation, referenceDate, type InterpretationFacts, type SourceFacts } from '../../../src/domain/interpretation';
import { CalendarError, createWorkingCalendar } from '../../../src/domain/working-days';

const calendar = createWorkingCalendar();
const CITY = 1;
const BUREAU = 2;

const source = (publishedOn: IsoDate | null, issuers = [CITY], title = '太原市政务公开规定'): SourceFacts => ({
  title,
  documentNumber: publishedOn ? '并政发〔2026〕3号' : null,
  publishedOn,
  issuers,
});

const facts = (overrides: Partial<InterpretationFacts['version']> = {}, rest: Partial<InterpretationFacts> = {}): InterpretationFacts => ({
  version: {
    published: true,
    publishedOn: null,
    publicationWarnings: null,
    organization: CITY,
    sources: [source('2026-03-02')],
    form: { countsAsDiverse: false },
    channels: [{ isGovernmentWebsite: true }],
    ...overrides,
  },
  draftSources: [],
  publishing: true,
  today: '2026-03-05',
  timelyWithinWorkingDays: 3,
  workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
  ...rest,
});

const derived = (input: InterpretationFacts) => {
  const judgement = judgeInterpretation(input);
  if ('refused' in judgement) throw new Error(`refused: ${judgement.refused.message}`);
  return judgement.derived;
};

describe('timeliness, counted in working days from the latest source publication', () => {
  // 2026-03-02 is a Monday; the weekend of 7–8 March is not counted.
  it.each([
    ['published the same day', '2026-03-02', 0, true],
    ['on the third working day', '2026-03-05', 3, true],
    ['on the fourth working day', '2026-03-06', 4, false],
    ['across a weekend: Monday after is the fifth', '2026-03-09', 5, false],
  ])('%s', (_label, publishedOn, lag, timely) => {
    expect(derived(facts({ publishedOn: publishedOn as IsoDate }))).toMatchObject({ lagWorkingDays: lag, timely });
  });

  it('counts from the latest of several published sources', () => {
    const sources = [source('2026-02-02'), source('2026-03-04'), source(null)];
    expect(referenceDate(sources)).toBe('2026-03-04');
    expect(derived(facts({ sources, publishedOn: '2026-03-05' }))).toMatchObject({ lagWorkingDays: 1, timely: true });
  });

  it('takes today as the publication date when a publication gives none', () => {
    expect(derived(facts({ publishedOn: null }, { today: '2026-03-06' }))).toMatchObject({ publishedOn: '2026-03-06', lagWorkingDays: 4, timely: false });
  });

  it('leaves timeliness unknown, with a warning, for a year whose holidays are not loaded', () => {
    const judgement = judgeInterpretation(
      facts({ publishedOn: '2026-03-05' }, { workingDaysBetween: () => { throw new CalendarError(2026); } }),
    );
    expect(judgement).toMatchObject({
      derived: { lagWorkingDays: null, timely: null, publicationWarnings: [{ code: 'INTERPRETATION_NO_CALENDAR', message: '2026 年节假日安排尚未载入，无法计算解读时效' }] },
      missingCalendar: { year: 2026 },
    });
  });
});

describe('the publication gate', () => {
  it.each([
    ['no source at all', facts({ sources: [] }), 'needs at least one normative document to publish an interpretation'],
    [
      'a source not yet published',
      facts({ sources: [] }, { draftSources: [source(null, [CITY], '太原市数据管理办法')] }),
      'cannot be published before its source document is: 《太原市数据管理办法》 not published',
    ],
    [
      'linked sources none of which is published',
      facts({ sources: [source(null, [CITY], '甲'), source(null, [CITY], '乙')] }),
      'cannot be published before its source document is: 《甲》、《乙》 not published',
    ],
  ])('refuses %s', (_label, input, message) => {
    expect(judgeInterpretation(input)).toEqual({ refused: { field: 'sourceDocuments', message } });
  });

  it('applies only to a publication of the published version', () => {
    for (const [published, publishing] of [[false, true], [true, false], [false, false]]) {
      expect('derived' in judgeInterpretation(facts({ sources: [], published }, { publishing }))).toBe(true);
    }
  });
});

describe('谁起草、谁解读', () => {
  const notByIssuer = { code: 'INTERPRETATION_NOT_BY_ISSUER', message: '解读机构不是所解读文件的发文机关或联合发文机关（谁起草、谁解读）' };

  it.each([
    ['the issuer interprets', CITY, [source('2026-03-02', [CITY])], null],
    ['a co-issuer interprets', BUREAU, [source('2026-03-02', [CITY, BUREAU])], null],
    ['another organization interprets', BUREAU, [source('2026-03-02', [CITY])], [notByIssuer]],
    ['it issued only an unpublished source', BUREAU, [source('2026-03-02', [CITY]), source(null, [BUREAU])], [notByIssuer]],
  ])('%s', (_label, organization, sources, warnings) => {
    expect(derived(facts({ organization, sources, publishedOn: '2026-03-02' })).publicationWarnings).toEqual(warnings);
  });

  it('keeps the warning a publication recorded through later edits, and judges again at the next publication', () => {
    const recorded = facts({ organization: CITY, publicationWarnings: [notByIssuer], publishedOn: '2026-03-02' });
    expect(derived({ ...recorded, publishing: false }).publicationWarnings).toEqual([notByIssuer]);
    expect(derived(recorded).publicationWarnings).toBeNull();
  });
});

it('derives the diverse form and the channels beyond the website', () => {
  expect(derived(facts({ form: { countsAsDiverse: true }, channels: [{ isGovernmentWebsite: true }, { isGovernmentWebsite: false }], publishedOn: '2026-03-02' }))).toMatchObject({
    diverseForm: true,
    beyondWebsite: true,
  });
  expect(derived(facts({ form: null, channels: [null, { isGovernmentWebsite: true }], publishedOn: '2026-03-02' }))).toMatchObject({ diverseForm: false, beyondWebsite: false });
});
