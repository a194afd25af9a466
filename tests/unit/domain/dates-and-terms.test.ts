import { addDays, addYears, chinaToday, isIsoDate } from '../../../src/domain/dates';
import { defaultValidUntil } from '../../../src/domain/validity-term';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
    [20240101, false],
    [null, false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2020-02-29', 5, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2021-06-15', 2, '2023-06-15'],
  ])('addYears(%s, %i) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('takes the date in China: 16:00 UTC is already the next day', () => {
    expect(chinaToday(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaToday(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });
});

describe('defaultValidUntil', () => {
  it.each([
    ['太原市政务公开工作规定', '2020-03-01', '2025-02-28'],
    ['太原市政府信息公开申请办理暂行办法', '2020-03-01', '2022-02-28'],
    ['太原市行政规范性文件管理办法（试行）', '2021-01-01', '2022-12-31'],
    ['太原市某某规定', '2020-02-29', '2025-02-27'],
  ])('%s effective %s is valid until %s', (title, effectiveFrom, expected) => {
    expect(defaultValidUntil(title, effectiveFrom)).toBe(expected);
  });

  it('follows a configured term', () => {
    expect(defaultValidUntil('某规定', '2020-01-01', { years: 3, provisionalYears: 1, provisionalMarkers: ['试行'] })).toBe('2022-12-31');
  });
});
