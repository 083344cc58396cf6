/**
 * Whole processes, timed from outside: wall time and the peak resident memory of the
 * whole process tree (the process and every descendant, summed, sampled from /proc every
 * 20 ms; the kernel's own peak of the main process where /proc is missing).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessRun {
  ms: number;
  /** Peak of the summed RSS of the process tree, MiB. */
  peakMiB: number;
  code: number | null;
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function treeKiB(pid: number): number {
  return rssKiB(pid) + children(pid).reduce((sum, c) => sum + treeKiB(c), 0);
}

/** Runs `cmd args` to its end, output discarded. */
export function runProcess(cmd: string, args: string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: 'ignore' });
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeKiB(child.pid));
    }, 20);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: Math.round(performance.now() - t0), peakMiB: Math.round(peak / 1024), code });
    });
  });
}

/** `runs` rounds of A then B; the median of each and the median of the ratios A/B pair by pair. */
export async function sideBySide(a: () => Promise<ProcessRun>, b: () => Promise<ProcessRun>, runs: number): Promise<{ a: ProcessRun; b: ProcessRun; ratio: number }> {
  await a();
  await b();
  const as: ProcessRun[] = [];
  const bs: ProcessRun[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
    ratios.push(as[i].ms / bs[i].ms);
  }
  const mid = <T>(list: T[], by: (x: T) => number) => [...list].sort((x, y) => by(x) - by(y))[list.length >> 1];
  const peak = (list: ProcessRun[]) => Math.max(...list.map((r) => r.peakMiB));
  return {
    a: { ...mid(as, (r) => r.ms), peakMiB: peak(as) },
    b: { ...mid(bs, (r) => r.ms), peakMiB: peak(bs) },
    ratio: Math.round(mid(ratios, (r) => r) * 100) / 100,
  };
}
