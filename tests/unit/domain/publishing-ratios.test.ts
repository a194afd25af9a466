import {
  DEFAULT_THRESHOLDS,
  evaluate,
  evaluateRatio,
  judgePublication,
  parsePeriod,
  periodOf,
  addCounts,
  NO_COUNTS,
} from '../../../src/domain/publishing-ratios';

describe('evaluateRatio', () => {
  it.each([
    ['exactly at 70% passes', 7, 10, 0.7, 'pass', 0],
    ['one below 70% fails, one more reaches it', 6, 10, 0.7, 'fail', 4],
    ['0 of 1 at 70% needs 3 more', 0, 1, 0.7, 'fail', 3],
    ['2 of 3 at 70% needs 1 more (3 of 4 = 75%)', 2, 3, 0.7, 'fail', 1],
    ['exactly at 50% passes', 5, 10, 0.5, 'pass', 0],
    ['4 of 9 at 50% needs 1 more', 4, 9, 0.5, 'fail', 1],
    ['all of them passes', 3, 3, 0.7, 'pass', 0],
    ['a threshold of 0 always passes', 0, 5, 0, 'pass', 0],
  ])('%s', (_label, count, total, threshold, status, shortfall) => {
    const result = evaluateRatio('diverse', count, total, threshold);
    expect({ status: result.status, shortfall: result.shortfall }).toEqual({ status, shortfall });
    if (status === 'fail') {
      // The shortfall is the least number that reaches the threshold.
      expect(evaluateRatio('diverse', count + shortfall, total + shortfall, threshold).status).toBe('pass');
      expect(evaluateRatio('diverse', count + shortfall - 1, total + shortfall - 1, threshold).status).toBe('fail');
    }
  });

  it('has no ratio, not 0%, when nothing was published', () => {
    expect(evaluateRatio('diverse', 0, 0, 0.7)).toMatchObject({ value: null, status: 'no_data', text: '本期没有已发布的政策解读，不计算比例' });
  });

  it('says the shortfall in words and numbers', () => {
    expect(evaluateRatio('diverse', 4, 10, 0.7)).toMatchObject({
      value: 0.4,
      shortfall: 10,
      text: '多样化形式解读占 40%，还需 10 篇多样化形式解读才能达到 70%',
      textEn: 'needs 10 more diverse-form interpretations to reach 70% (now 40%)',
    });
  });

  it('cannot name a number when every interpretation must qualify', () => {
    expect(evaluateRatio('offWebsite', 2, 3, 1)).toMatchObject({ status: 'fail', shortfall: null });
  });
});

describe('a threshold that is not a share', () => {
  it.each([NaN, Infinity, -0.1, 1.5])('refuses %p rather than searching for a shortfall forever', (threshold) => {
    expect(() => evaluateRatio('diverse', 1, 10, threshold)).toThrow(RangeError);
  });
});

describe('evaluate', () => {
  it.each([
    ['both ratios met', { total: 10, diverse: 7, offWebsite: 5 }, 'pass'],
    ['diverse met, off-website one short', { total: 10, diverse: 8, offWebsite: 4 }, 'fail'],
    ['nothing published', NO_COUNTS, 'no_data'],
  ])('%s', (_label, counts, status) => {
    expect(evaluate(counts, DEFAULT_THRESHOLDS).status).toBe(status);
  });

  it('rolls up by adding counts, not by averaging ratios', () => {
    // 1 of 1 and 0 of 9 average to 50%, but the organizations together have 1 of 10.
    const rolled = addCounts({ total: 1, diverse: 1, offWebsite: 1 }, { total: 9, diverse: 0, offWebsite: 0 });
    expect(evaluate(rolled, DEFAULT_THRESHOLDS).diverse).toMatchObject({ count: 1, total: 10, value: 0.1 });
  });
});

describe('judgePublication', () => {
  const plain = { diverse: false, offWebsite: false };
  const websiteOnlyVideo = { diverse: true, offWebsite: false };
  const onWeChat = { diverse: true, offWebsite: true };

  it.each([
    ['a plain-text one that would leave 6 of 10 is refused in block mode', { total: 9, diverse: 6, offWebsite: 9 }, plain, 'block', false, ['diverse']],
    ['a plain-text one that keeps 7 of 10 passes', { total: 9, diverse: 7, offWebsite: 9 }, plain, 'block', true, []],
    ['a website-only video that would leave 4 of 10 off-website is refused', { total: 9, diverse: 9, offWebsite: 4 }, websiteOnlyVideo, 'block', false, ['offWebsite']],
    ['the first interpretation, plain text, is refused', NO_COUNTS, plain, 'block', false, ['diverse', 'offWebsite']],
    ['one that improves both ratios is never refused, even below them', { total: 9, diverse: 0, offWebsite: 0 }, onWeChat, 'block', true, []],
    ['warn mode lets a breach through, naming it', NO_COUNTS, plain, 'warn', true, ['diverse', 'offWebsite']],
    ['off mode lets a breach through, naming it', NO_COUNTS, plain, 'off', true, ['diverse', 'offWebsite']],
  ] as const)('%s', (_label, before, candidate, mode, allowed, breaches) => {
    const verdict = judgePublication(before, candidate, DEFAULT_THRESHOLDS, mode);
    expect({ allowed: verdict.allowed, breaches: verdict.breaches.map((b) => b.kind) }).toEqual({ allowed, breaches });
  });
});

describe('periods', () => {
  it.each([
    ['2026', { kind: 'year', from: '2026-01-01', to: '2026-12-31' }],
    ['2026-Q1', { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' }],
    ['2024-Q1', { kind: 'quarter', from: '2024-01-01', to: '2024-03-31' }],
    ['2026-Q4', { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' }],
    ['2024-02', { kind: 'month', from: '2024-02-01', to: '2024-02-29' }],
    ['2026-02', { kind: 'month', from: '2026-02-01', to: '2026-02-28' }],
  ])('reads %s', (label, expected) => {
    expect(parsePeriod(label)).toMatchObject({ label, ...expected });
  });

  it.each(['26', '2026-Q5', '2026-13', '2026-1', 'last year', '2026-Q1 ', '0000', '1899', '0001-Q1'])('refuses %j', (label) => {
    expect(parsePeriod(label)).toBeNull();
  });

  it.each([
    ['year', '2026-08-15', '2026'],
    ['quarter', '2026-08-15', '2026-Q3'],
    ['month', '2026-08-15', '2026-08'],
  ] as const)('finds the %s of a date', (kind, date, label) => {
    expect(periodOf(date, kind).label).toBe(label);
  });
});
