/** Where a command writes: stdout for the report or JSON only, stderr for diagnostics. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The clock for "today" and the "checked at" stamp (src/core/clock.ts); the system's when absent. */
  now?(): Date;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes: 0 fine, 1 findings of severity error, 2 unusable input (arguments, files). */
export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;
