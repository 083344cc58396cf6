/**
 * Every change the pane makes to the appraisal columns (điểm và lý do thẩm định, lần 1 và
 * lần 2), undo included, is appended as a dated row to the log sheet of the unit's
 * workbook (src/workbook/appraisalLog.ts). The service is wrapped once: whatever writes
 * answers, the log follows. Hosts that cannot append rows (none today) write no log.
 */
import { localSerial } from '../../core/clock';
import type { AnswerChange } from '../../workbook/answers';
import { appraisalLogEntries, LOG_FORMATS, logRows, logSheetSpec, type LogEntry } from '../../workbook/appraisalLog';
import type { UnitReading } from '../../workbook/read';
import { applyChanges } from '../model';
import type { LoadResult, WorkbookService } from '../service';

export interface LoggedService extends WorkbookService {
  /** Appends entries (the explanations read back) to the log. */
  log(entries: readonly LogEntry[]): Promise<void>;
}

/** A log that could not be appended: the cells are written, the log rows wait for the next write. */
export class LogError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
  }
}

export function withAppraisalLog(inner: WorkbookService, now: () => Date = () => new Date()): LoggedService {
  // The sheet as the pane last read it, plus what it wrote since.
  let sheet: UnitReading | undefined;
  // Entries not yet in the log (an append that failed is tried again with the next one).
  let pending: LogEntry[] = [];

  const flush = async () => {
    if (pending.length === 0 || !inner.appendRows) return;
    const entries = pending;
    try {
      await inner.appendRows(logSheetSpec(), logRows(entries), LOG_FORMATS);
      pending = pending.filter((e) => !entries.includes(e));
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      throw new LogError(
        `Đã ghi vào bảng tính nhưng chưa ghi được ${entries.length} dòng vào trang "${logSheetSpec().name}": ${text}. Thử lại: lần ghi sau sẽ ghi cả các dòng này.`,
        `Written to the sheet, but ${entries.length} row(s) could not be added to the "${logSheetSpec().name}" sheet: ${text}. Try again: the next write adds them too.`,
      );
    }
  };

  const own = {
    async load(): Promise<LoadResult> {
      const result = await inner.load();
      sheet = result.ok ? result.reading : undefined;
      return result;
    },
    async write(changes: readonly AnswerChange[]): Promise<void> {
      const before = sheet;
      await inner.write(changes);
      if (before) {
        sheet = applyChanges(before, changes);
        pending.push(...appraisalLogEntries(before, changes, localSerial(now())));
      }
      await flush();
    },
    async log(entries: readonly LogEntry[]): Promise<void> {
      pending.push(...entries);
      await flush();
    },
  };
  // Everything else is the inner service's own (bound to it: a class keeps its `this`).
  return new Proxy(inner as LoggedService, {
    has: (target, prop) => prop in own || Reflect.has(target, prop),
    get(target, prop, receiver) {
      if (prop in own) return own[prop as keyof typeof own];
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
