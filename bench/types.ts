/** One measured operation. Office.js operations fill syncs and requestBytes; file operations leave them null. */
export interface Result {
  operation: string;
  rows: number;
  syncs: number | null;
  requestBytes: number | null;
  ms: number;
  /** Size of the file written or read, for file operations. */
  fileBytes?: number;
}

/** Median wall time of `runs` calls, in ms (one warm-up call first). */
export async function timeIt(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}
