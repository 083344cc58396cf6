import { localStamp, localToday } from '../../src/core/clock';

// The suite runs in Asia/Ho_Chi_Minh (test/setup/timezone.ts), UTC+7 all year.
describe('the one today: the local calendar, not UTC', () => {
  it('runs in Việt Nam time, so the cases below mean what they say', () => {
    expect(new Date('2024-06-06T20:00:00Z').getTimezoneOffset()).toBe(-420);
  });

  it.each([
    // 03:00 on the 7th in Hà Nội is still the 6th in UTC: the officer's day wins.
    ['2024-06-06T20:00:00Z', '2024-06-07', '2024-06-07T03:00'],
    ['2024-12-31T18:00:00Z', '2025-01-01', '2025-01-01T01:00'],
    ['2024-06-07T07:30:00Z', '2024-06-07', '2024-06-07T14:30'],
    ['2024-06-07T16:59:00Z', '2024-06-07', '2024-06-07T23:59'],
  ])('%s is %s (%s)', (utc, date, stamp) => {
    expect(localToday(new Date(utc))).toBe(date);
    expect(localStamp(new Date(utc))).toBe(stamp);
    expect(localToday(new Date(utc))).toBe(localStamp(new Date(utc)).slice(0, 10));
  });

  it('reads the clock when no time is given', () => {
    const before = localToday(new Date());
    expect([before, localToday(new Date())]).toContain(localToday());
  });
});
