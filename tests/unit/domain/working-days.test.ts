import { CalendarError, createWorkingCalendar, parseNoticeDays, type YearNotice } from '../../../src/domain/working-days';

const calendar = createWorkingCalendar();

describe('the statutory working-day calendar', () => {
  it('knows the years of the bundled notices, 2004 to 2026, and nothing after', () => {
    const years = calendar.years();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toHaveLength(23);
  });

  it.each([
    // Spring Festival 2026: 2-15 to 2-23 off; Saturdays 2-14 and 2-28 are worked (调休).
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, '调休 Saturday before the Spring Festival'],
    ['2026-02-15', false, 'first day of the Spring Festival (a Sunday)'],
    ['2026-02-16', false, 'Spring Festival Monday'],
    ['2026-02-23', false, 'last day of the Spring Festival, a Monday'],
    ['2026-02-24', true, 'first working day after'],
    ['2026-02-28', true, '调休 Saturday after the Spring Festival'],
    ['2026-03-01', false, 'an ordinary Sunday'],
    // National Day 2026: 10-01 to 10-07 off; 9-20 (Sunday) and 10-10 (Saturday) are worked.
    ['2026-09-20', true, '调休 Sunday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day holiday, a Wednesday'],
    ['2026-10-08', true, 'first working day after National Day'],
    ['2026-10-10', true, '调休 Saturday after National Day'],
    // National Day 2025 merged with Mid-Autumn: 10-01 to 10-08 off, 9-28 and 10-11 worked.
    ['2025-10-08', false, 'Mid-Autumn day added to National Day 2025'],
    ['2025-10-11', true, '调休 Saturday after National Day 2025'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['same day', '2026-03-02', '2026-03-02', 0],
    ['the next working day', '2026-03-02', '2026-03-03', 1],
    ['across a weekend', '2026-03-06', '2026-03-09', 1],
    ['from the Friday before the Spring Festival to the day after it ends', '2026-02-13', '2026-02-24', 2],
    ['over the whole National Day week', '2026-09-30', '2026-10-09', 2],
    ['backwards counts nothing', '2026-03-09', '2026-03-02', 0],
  ])('counts %s', (_label, from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['3 working days after a Friday before the Spring Festival', '2026-02-13', 3, '2026-02-25'],
    ['20 working days from the eve of National Day (8, 9, 10 调休, then whole weeks)', '2026-09-30', 20, '2026-11-03'],
    ['1 working day after a 调休 Saturday', '2026-02-27', 1, '2026-02-28'],
  ])('finds %s', (_label, from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it('refuses a year with no notice rather than guessing', () => {
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarError);
    expect(() => calendar.workingDaysBetween('2026-12-30', '2027-01-05')).toThrow(
      "No holiday calendar for 2027: load the State Council's notice for 2027 before counting working days in it",
    );
  });

  it('takes a later notice as a whole year, replacing or adding it', () => {
    const notice: YearNotice = { year: 2027, notice: '国办发明电〔2026〕99号', holidays: ['2027-01-01'], workdays: ['2027-01-02'] };
    const withNotice = createWorkingCalendar([notice]);
    expect(withNotice.isWorkingDay('2027-01-01')).toBe(false);
    expect(withNotice.isWorkingDay('2027-01-02')).toBe(true);
    expect(withNotice.isWorkingDay('2027-01-03')).toBe(false);
    expect(withNotice.workingDaysBetween('2026-12-31', '2027-01-04')).toBe(2);
    expect(() => createWorkingCalendar([{ ...notice, holidays: ['2026-12-31'] }])).toThrow('2026-12-31 is not in 2027');
  });
});

describe('the days of a notice as an editor types them', () => {
  it.each([
    ['2027-02-05\n2027-02-06', ['2027-02-05', '2027-02-06']],
    ['2027-10-01~2027-10-03、2027-09-26', ['2027-09-26', '2027-10-01', '2027-10-02', '2027-10-03']],
    ['2027-01-01，2027-01-01 ', ['2027-01-01']],
    ['2027-12-31至2027-12-31', ['2027-12-31']],
    ['', []],
    [null, []],
  ])('reads %j as %j', (text, days) => {
    expect(parseNoticeDays(text, 2027)).toEqual({ days });
  });

  it.each([
    ['2027-02-30', '"2027-02-30" is not a date (YYYY-MM-DD) or a run of dates (YYYY-MM-DD~YYYY-MM-DD)'],
    ['2027/02/05', '"2027/02/05" is not a date (YYYY-MM-DD) or a run of dates (YYYY-MM-DD~YYYY-MM-DD)'],
    ['2027-02-12~2027-02-05', '"2027-02-12~2027-02-05" ends before it starts'],
    ['2026-12-31~2027-01-02', '2026-12-31 is not in 2027'],
    ['2028-01-01', '2028-01-01 is not in 2027'],
    ['2027-01-01~2027-01-02~2027-01-03', '"2027-01-01~2027-01-02~2027-01-03" is not a date (YYYY-MM-DD) or a run of dates (YYYY-MM-DD~YYYY-MM-DD)'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseNoticeDays(text, 2027)).toEqual({ problem });
  });
});
