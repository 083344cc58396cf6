/**
 * createStandIn: Excel.run over an in-memory exceljs workbook, strict where Excel is
 * strict (unloaded reads, requirement sets, payload caps, matrix sizes, text parsed as
 * formulas) and measuring what matters on the web (syncs, request bytes). Formulas are
 * recalculated after each request that changed cells, as in Excel's automatic mode.
 */
import type ExcelJS from 'exceljs';
import { parseAddress, formatRect } from './address';
import { writeInput } from './cells';
import type { ChartRecord } from './charts';
import { Context, Session, type ActionDesc, type ChangeEvent, type RequestStats } from './context';
import { StandInError, type StandInErrorCode } from './errors';
import { Application, Runtime, WorksheetCollection } from './objects';

/** What the batch function receives: the stand-in's Excel.RequestContext. */
export class StandInContext {
  readonly workbook: { readonly worksheets: WorksheetCollection };
  readonly application: Application;
  readonly runtime: Runtime;

  constructor(private readonly inner: Context) {
    this.workbook = { worksheets: new WorksheetCollection(inner) };
    this.application = new Application(inner);
    this.runtime = new Runtime(inner);
  }

  sync(): Promise<void> {
    return this.inner.sync();
  }
}

export interface StandInOptions {
  /** Highest ExcelApi requirement set to simulate, e.g. '1.7' for Office 2019. Default '1.17'. */
  apiVersion?: string;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

export interface StandIn {
  run: {
    <T>(batch: (context: StandInContext) => Promise<T>): Promise<T>;
    <T>(options: RunOptions, batch: (context: StandInContext) => Promise<T>): Promise<T>;
  };
  stats: { syncs: number; requests: RequestStats[]; events: ChangeEvent[] };
  /** Zeroes the counters (not the workbook). */
  reset(): void;
  isSetSupported(name: string, version?: string): boolean;
  /** A user typing `value` into a cell: changes the workbook and fires onChanged (if events are on). */
  editCell(sheet: string, address: string, value: string | number | boolean | null): Promise<void>;
  /** A user selecting cells (clicking in the grid): sets the selection and fires onSelectionChanged. */
  selectByUser(sheet: string, address: string): Promise<void>;
  /** Waits for the event handlers fired so far. */
  idle(): Promise<void>;
  /** What select() last selected, and the sheet activate() last showed. */
  readonly selection: { sheet: string; address: string } | null;
  readonly activeSheet: string | null;
  /** The charts the add-in has added to a sheet, in order (exceljs cannot store them). */
  charts(sheet: string): ChartRecord[];
  /** Whether the add-in's events are on (runtime.enableEvents). */
  readonly eventsEnabled: boolean;
  /**
   * Test hook: the next action the predicate matches fails as Excel fails it (a RichApi
   * error with `code`, default InvalidArgument), once; the actions before it in the same
   * request stay applied and those after it do not run, as in Excel.
   */
  failOn(match: (action: ActionDesc) => boolean, code?: StandInErrorCode): void;
  readonly workbook: ExcelJS.Workbook;
}

export function createStandIn(workbook: ExcelJS.Workbook, opts: StandInOptions = {}): StandIn {
  const session = new Session(workbook, opts.apiVersion ?? '1.17');

  async function run<T>(first: RunOptions | ((context: StandInContext) => Promise<T>), second?: (context: StandInContext) => Promise<T>): Promise<T> {
    const batch = typeof first === 'function' ? first : second;
    if (!batch) throw new StandInError('InvalidArgument', 'run');
    const inner = new Context(session);
    const result: unknown = batch(new StandInContext(inner));
    if (!result || typeof (result as Promise<T>).then !== 'function') throw new StandInError('RunMustReturnPromise');
    const value = await (result as Promise<T>);
    // Like Excel.run, actions still queued when the batch ends are sent in a last request.
    if (inner.hasPending()) await inner.sync();
    return value;
  }

  return {
    run,
    get stats() {
      return { syncs: session.syncs, requests: session.requests, events: session.events };
    },
    reset() {
      session.syncs = 0;
      session.requests = [];
      session.events = [];
    },
    isSetSupported(name: string, version = '1.1') {
      return name === 'ExcelApi' && session.supports(version);
    },
    async editCell(sheet, address, value) {
      const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
      if (!ws) throw new StandInError('ItemNotFound', sheet);
      const r = parseAddress(address);
      writeInput(ws.getCell(r.top + 1, r.left + 1), value === null ? '' : value, `${sheet}!${address}`);
      session.dirty = true;
      session.calculate();
      session.notify(ws, formatRect({ ...r, bottom: r.top, right: r.left }), 'user');
      await this.idle();
    },
    async selectByUser(sheet, address) {
      const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
      if (!ws) throw new StandInError('ItemNotFound', sheet);
      session.notifySelection(ws, formatRect(parseAddress(address)));
      await this.idle();
    },
    async idle() {
      while (session.pending.length > 0) {
        const pending = session.pending;
        session.pending = [];
        await Promise.all(pending);
      }
    },
    get selection() {
      return session.selection;
    },
    get activeSheet() {
      return session.activeSheet;
    },
    get eventsEnabled() {
      return session.eventsEnabled;
    },
    failOn(match, code = 'InvalidArgument') {
      session.faults.push({ match, code });
    },
    charts(sheet) {
      const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
      return ws ? (session.charts.get(ws) ?? []) : [];
    },
    workbook,
  };
}
