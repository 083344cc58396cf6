/**
 * The product's one "today": the local calendar date of the machine the user works on.
 * An officer in Việt Nam at 06:30 on 7 June is on the 7th, where UTC still says the 6th,
 * so a UTC date would make `validate` and `consolidate` disagree for seven hours a day.
 * Every future-date check, date line and "checked at" stamp reads the clock through
 * here; tests pass `now` (the CLI's Io and the pane's host carry it).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time, `YYYY-MM-DDTHH:MM`: the "checked at" stamp. */
export function localStamp(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Local calendar date, `YYYY-MM-DD`: evidence dated after it is flagged. */
export function localToday(now: Date = new Date()): string {
  return localStamp(now).slice(0, 10);
}

/**
 * Local date and time as an Excel serial (days since 1899-12-30, the 1900 date system),
 * to the minute: a date cell Excel sorts, filters and formats, showing the officer's clock.
 */
export function localSerial(now: Date = new Date()): number {
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
  return Math.round(((local - Date.UTC(1899, 11, 30)) / 86_400_000) * 1440) / 1440;
}
