/**
 * The request machinery: proxies queue operations; `sync()` sends them as one request
 * (counted, measured in bytes, refused over 5 MB), applies them in order to the
 * exceljs workbook, fills loaded properties and settles null objects. A property read
 * before load + sync throws PropertyNotLoaded, as in Excel.
 */
import type ExcelJS from 'exceljs';
import type { ChartRecord } from './charts';
import { recalculateWorkbook } from './recalc';
import { propertyNotLoaded, StandInError, type StandInErrorCode } from './errors';

/** Excel on the web's cap on a request and on a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel's cap on cells in one read. */
export const READ_CELL_LIMIT = 5_000_000;

export interface RequestStats {
  /** Estimated request size: UTF-8 length of the queued operations as JSON. */
  bytes: number;
  ops: number;
  /** Estimated response size: the loaded data as JSON. */
  responseBytes: number;
  /** Whether the request called suspendApiCalculationUntilNextSync. */
  calcSuspended: boolean;
}

export interface ChangeEvent {
  sheet: string;
  address: string;
  /** 'user' for editCell, 'addin' for the add-in's own writes. */
  by: 'user' | 'addin';
}

export type ChangeHandler = (args: {
  address: string;
  worksheetId: string;
  source: 'Local';
  changeType: 'RangeEdited';
  type: 'WorksheetChanged';
}) => Promise<unknown>;

export type SelectionHandler = (args: { address: string; worksheetId: string; type: 'WorksheetSelectionChanged' }) => Promise<unknown>;

/** State shared by every request of one stand-in: the workbook and the add-in runtime. */
export class Session {
  syncs = 0;
  requests: RequestStats[] = [];
  events: ChangeEvent[] = [];
  eventsEnabled = true;
  handlers = new Map<ExcelJS.Worksheet, Set<ChangeHandler>>();
  selectionHandlers = new Map<ExcelJS.Worksheet, Set<SelectionHandler>>();
  pending: Promise<unknown>[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Charts added by the add-in, by sheet: exceljs cannot keep them in the workbook. */
  charts = new Map<ExcelJS.Worksheet, ChartRecord[]>();
  /** Cells changed since the last calculation (automatic mode recalculates after the request). */
  dirty = false;
  /** Test hook (StandIn.failOn): actions that fail when their turn comes, each once. */
  faults: { match: (action: ActionDesc) => boolean; code: StandInErrorCode }[] = [];

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly apiVersion: string,
  ) {}

  supports(version: string): boolean {
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return a < x || (a === x && b <= y);
  }

  /** Excel in automatic mode: formulas recalculated once cells have changed. */
  calculate(): void {
    if (!this.dirty) return;
    this.dirty = false;
    recalculateWorkbook(this.workbook);
  }

  /** Calls the handlers of a sheet for a change, if events are on; handlers run after the request. */
  notify(ws: ExcelJS.Worksheet, address: string, by: ChangeEvent['by']): void {
    if (!this.eventsEnabled) return;
    this.events.push({ sheet: ws.name, address, by });
    for (const handler of this.handlers.get(ws) ?? []) {
      this.pending.push(
        Promise.resolve().then(() =>
          handler({ address, worksheetId: String(ws.id), source: 'Local', changeType: 'RangeEdited', type: 'WorksheetChanged' }),
        ),
      );
    }
  }

  /** A user selecting cells: Excel fires onSelectionChanged whatever enableEvents says of the add-in's own changes. */
  notifySelection(ws: ExcelJS.Worksheet, address: string): void {
    this.selection = { sheet: ws.name, address };
    for (const handler of this.selectionHandlers.get(ws) ?? []) {
      this.pending.push(Promise.resolve().then(() => handler({ address, worksheetId: String(ws.id), type: 'WorksheetSelectionChanged' })));
    }
  }
}

/** An action as a request carries it: the object's path and the property set or method called. */
export interface ActionDesc {
  path?: string;
  set?: string;
  call?: string;
  load?: string[];
}

export interface Op {
  /** What Office.js would send for this action: serialised to estimate the request size. */
  desc: Record<string, unknown> & ActionDesc;
  /** ExcelApi version the member needs. */
  requires: string;
  apply: (request: RequestStats) => void | Promise<void>;
}

export class Context {
  private queue: Op[] = [];
  /** Objects whose null-ness is settled by the next sync. */
  private unsettled: ClientObject[] = [];
  syncCount = 0;

  constructor(readonly session: Session) {}

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  track(obj: ClientObject): void {
    this.unsettled.push(obj);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const unsettled = this.unsettled;
    this.queue = [];
    this.unsettled = [];
    const json = JSON.stringify(ops.map((o) => o.desc));
    const request: RequestStats = { bytes: new TextEncoder().encode(json).length, ops: ops.length, responseBytes: 0, calcSuspended: false };
    this.session.syncs++;
    this.session.requests.push(request);
    this.syncCount++;
    if (request.bytes > PAYLOAD_LIMIT_BYTES) throw new StandInError('RequestPayloadSizeLimitExceeded');
    // Like Excel, actions run in order and those before a failing one stay applied.
    for (const op of ops) {
      if (!this.session.supports(op.requires)) throw new StandInError('ApiNotFound', String(op.desc.path ?? ''));
      const fault = this.session.faults.findIndex((f) => f.match(op.desc));
      if (fault >= 0) {
        const [{ code }] = this.session.faults.splice(fault, 1);
        throw new StandInError(code, `${op.desc.path ?? ''}.${op.desc.set ?? op.desc.call ?? 'load'}`);
      }
      await op.apply(request);
    }
    this.session.calculate();
    for (const obj of unsettled) obj.settle();
    if (request.responseBytes > PAYLOAD_LIMIT_BYTES) throw new StandInError('ResponsePayloadSizeLimitExceeded');
  }
}

/**
 * Base of every proxy. `path` names the object in requests and errors; `requires` is the
 * ExcelApi version of the object itself (pageLayout 1.9, dataValidation 1.8, ...).
 */
export abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly createdAt: number;

  constructor(
    readonly ctx: Context,
    readonly path: string,
    readonly requires: string = '1.1',
    /** For objects of *OrNullObject methods: whether the target exists, decided at sync. */
    private readonly nullable?: () => boolean,
  ) {
    this.createdAt = ctx.syncCount;
    ctx.track(this);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (this.ctx.syncCount === this.createdAt) throw propertyNotLoaded('isNullObject', this.path);
      this.settle();
    }
    return this.nullState as boolean;
  }

  settle(): void {
    if (this.nullState === undefined) this.nullState = this.nullable ? this.nullable() : false;
  }

  /** Null state without the loaded check, for the stand-in's own use. */
  isNull(): boolean {
    this.settle();
    return this.nullState as boolean;
  }

  protected read<T>(name: string): T {
    if (this.nullState === true) return undefined as T;
    if (!this.loaded.has(name)) throw propertyNotLoaded(name, `${this.path}.${name}`);
    return this.loaded.get(name) as T;
  }

  /** Queues a property write; like Office.js, the local copy takes the value at once. */
  protected write(name: string, value: unknown, apply: () => void | Promise<void>, requires = this.requires): void {
    this.loaded.set(name, value);
    this.ctx.enqueue({ desc: { path: this.path, set: name, value }, requires, apply: () => this.onTarget(apply) });
  }

  protected call(name: string, args: unknown[], apply: (request: RequestStats) => void | Promise<void>, requires = this.requires): void {
    this.ctx.enqueue({ desc: { path: this.path, call: name, args }, requires, apply: (r) => this.onTarget(() => apply(r)) });
  }

  private onTarget(apply: () => void | Promise<void>): void | Promise<void> {
    if (this.isNull()) throw new StandInError('ItemNotFound', this.path);
    return apply();
  }

  /** The names a load() may ask for, and how to read each one at sync time. */
  protected abstract readonly loadable: Record<string, () => unknown>;

  load(propertyNames?: string | string[]): this {
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(','))
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    const wanted = names.length > 0 ? names : Object.keys(this.loadable);
    this.ctx.enqueue({
      desc: { path: this.path, load: wanted },
      requires: this.requires,
      apply: (request) => {
        if (this.isNull()) return;
        this.loadNames(wanted, request);
      },
    });
    return this;
  }

  /** Fills loaded properties; collections override this for 'items/name' paths. */
  protected loadNames(names: string[], request: RequestStats): void {
    for (const name of names) {
      const getter = this.loadable[name];
      if (!getter) throw new StandInError('StandInUnsupported', `${this.path}.load('${name}')`);
      const value = getter();
      request.responseBytes += new TextEncoder().encode(JSON.stringify(value) ?? '').length;
      this.loaded.set(name, value);
    }
  }
}
