/**
 * The pane's effects, each small: the answer queue, re-reading after sheet edits,
 * following the sheet's selection, the page colours, and announcing new counts.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { AnswerChange } from '../workbook/answers';
import { AnswerQueue, type FlushOutcome } from './queue';
import type { SheetSelection, WorkbookService } from './service';

/**
 * One AnswerQueue for the service's lifetime: flushed when the page hides or the pane
 * unmounts. `onFlushed` is read when a batch ends, so it may change on every render.
 */
export function useAnswerQueue(
  service: WorkbookService,
  delayMs: number,
  onFlushed: (outcome: FlushOutcome) => void,
  beforeWrite?: (batch: AnswerChange[]) => void,
): AnswerQueue {
  const latest = useRef({ onFlushed, beforeWrite });
  latest.current = { onFlushed, beforeWrite };
  const queue = useMemo(
    () =>
      new AnswerQueue(
        (batch) => {
          latest.current.beforeWrite?.(batch);
          return service.write(batch);
        },
        (outcome) => latest.current.onFlushed(outcome),
        delayMs,
      ),
    [service, delayMs],
  );
  useEffect(() => {
    const flush = () => void queue.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      void queue.flush();
      queue.dispose();
    };
  }, [queue]);
  return queue;
}

/** Calls `reload` once edits typed in the sheet pause for `delayMs`. */
export function useExternalReload(service: WorkbookService, delayMs: number, reload: () => void): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = service.onExternalChange(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      off();
    };
  }, [service, delayMs]);
}

/** Calls `onSelect` with each cell the user selects in the sheet. */
export function useSheetSelection(service: WorkbookService, onSelect: (selection: SheetSelection) => void): void {
  const latest = useRef(onSelect);
  latest.current = onSelect;
  useEffect(() => service.onSelectionChange((s) => latest.current(s)), [service]);
}

/** The page around the pane takes the theme too: no white body margin in a dark Office. */
export function usePageColours(background: string, dark: boolean): void {
  useEffect(() => {
    const body = document.body.style;
    body.margin = '0';
    body.backgroundColor = background;
    body.colorScheme = dark ? 'dark' : 'light';
  }, [background, dark]);
}

/** Announces `text(key)` when `key` changes after its first value (not on the first load). */
export function useAnnounceChange(key: string | undefined, text: () => string, announce: (text: string) => void): void {
  const previous = useRef<string | undefined>(undefined);
  const latest = useRef(text);
  latest.current = text;
  useEffect(() => {
    if (key === undefined) return;
    const before = previous.current;
    previous.current = key;
    if (before !== undefined && before !== key) announce(latest.current());
  }, [key, announce]);
}
