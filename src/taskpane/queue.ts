/**
 * Answers are written as they are entered: changes gather for `delayMs` after the last
 * one, then go to the workbook as one batch. Batches are written one after another, in
 * the order they were made, so a later answer never lands before an earlier one.
 */
import type { AnswerChange } from '../workbook/answers';
import { mergeChanges } from './model';

export interface FlushOutcome {
  /** The changes as they were added (the pane drops them from its overlay). */
  changes: AnswerChange[];
  error?: unknown;
}

export class AnswerQueue {
  private pending: AnswerChange[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (changes: AnswerChange[]) => Promise<void>,
    private readonly onFlushed: (outcome: FlushOutcome) => void,
    private readonly delayMs = 400,
  ) {}

  add(change: AnswerChange): void {
    this.pending.push(change);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is pending now (closing the pane calls this); resolves when every batch so far is written. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const changes = this.pending;
    this.pending = [];
    if (changes.length > 0) {
      const batch = mergeChanges(changes);
      this.chain = this.chain.then(() =>
        this.write(batch).then(
          () => this.onFlushed({ changes }),
          (error: unknown) => this.onFlushed({ changes, error }),
        ),
      );
    }
    return this.chain;
  }

  get size(): number {
    return this.pending.length;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
