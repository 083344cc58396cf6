/**
 * Whole processes, timed from outside: wall time and the peak resident memory of the
 * whole process tree (the process and every descendant, summed, sampled from /proc every
 * 20 ms; the kernel's own peak of the main process where /proc is missing).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessRun {
  ms: number;
  /**
   * CPU time of the process and its threads (user + system), from the kernel's account of
   * reaped children; undefined where /proc is missing. On a shared machine this is the
   * steadier figure: wall time includes waiting for a core.
   */
  cpuMs?: number;
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

/** CPU ms of this process's reaped children so far (cutime + cstime), undefined without /proc. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), counted from field 3 after the command name; 100 ticks a second.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs `cmd args` to its end, output discarded. */
export function runProcess(cmd: string, args: string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const cpu0 = childrenCpuMs();
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
      const ms = Math.round(performance.now() - t0);
      // The exit event comes once the child is reaped, so its CPU time is counted by then.
      const cpu1 = childrenCpuMs();
      resolve({ ms, ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMs: cpu1 - cpu0 } : {}), peakMiB: Math.round(peak / 1024), code });
    });
  });
}

/**
 * `runs` rounds of A then B; the median of each and the median of the ratios A/B pair by
 * pair, of wall time (`ratio`) and of CPU time (`cpuRatio`, where it is known).
 */
export async function sideBySide(a: () => Promise<ProcessRun>, b: () => Promise<ProcessRun>, runs: number): Promise<{ a: ProcessRun; b: ProcessRun; ratio: number; cpuRatio?: number }> {
  await a();
  await b();
  const as: ProcessRun[] = [];
  const bs: ProcessRun[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
    ratios.push(as[i].ms / bs[i].ms);
    const [ca, cb] = [as[i].cpuMs, bs[i].cpuMs];
    if (ca !== undefined && cb !== undefined && cb > 0) cpuRatios.push(ca / cb);
  }
  const mid = <T>(list: T[], by: (x: T) => number) => [...list].sort((x, y) => by(x) - by(y))[list.length >> 1];
  const peak = (list: ProcessRun[]) => Math.max(...list.map((r) => r.peakMiB));
  const cpuOf = (list: ProcessRun[]) => (list.every((r) => r.cpuMs !== undefined) ? { cpuMs: mid(list, (r) => r.cpuMs as number).cpuMs } : {});
  return {
    a: { ...mid(as, (r) => r.ms), ...cpuOf(as), peakMiB: peak(as) },
    b: { ...mid(bs, (r) => r.ms), ...cpuOf(bs), peakMiB: peak(bs) },
    ratio: Math.round(mid(ratios, (r) => r) * 100) / 100,
    ...(cpuRatios.length === runs ? { cpuRatio: Math.round(mid(cpuRatios, (r) => r) * 100) / 100 } : {}),
  };
}
