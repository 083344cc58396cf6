/** Where a command writes: stdout for the report or JSON only, stderr for diagnostics. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes: 0 fine, 1 findings of severity error, 2 unusable input (arguments, files). */
export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

/** Today in the local calendar, YYYY-MM-DD: evidence dated after it is flagged. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
