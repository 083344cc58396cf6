/**
 * Change notifications and navigation. onChanged is a hint to re-read, not the truth:
 * Excel fires it for the add-in's own writes (unless events are off) and not always for
 * a pick from a validation drop-down on the web.
 */
import type { ExcelRun, XlContext, XlEventHandlerResult } from './api';
import { wrapOfficeError } from './errors';

export interface SheetChange {
  sheet: string;
  /** The changed area as Excel reports it, e.g. 'G12' or 'G12:H14'. */
  address: string;
}

/** Registers a handler for edits of one sheet (ExcelApi 1.7); resolves to its removal. */
export function onSheetChanged(
  run: ExcelRun,
  sheet: string,
  handler: (change: SheetChange) => void | Promise<void>,
): Promise<() => Promise<void>> {
  return register(run, (ctx) =>
    ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
      await handler({ sheet, address: args.address });
    }),
  );
}

/** Adds an event handler in one sync and resolves to a function that removes it. */
async function register(run: ExcelRun, add: (ctx: XlContext) => XlEventHandlerResult): Promise<() => Promise<void>> {
  try {
    return await run(async (ctx) => {
      const registration = add(ctx);
      await ctx.sync();
      return async () => {
        try {
          registration.remove();
          await registration.context.sync();
        } catch (error) {
          throw wrapOfficeError(error);
        }
      };
    });
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

/** Shows a cell to the user: activates its sheet and selects it (one sync). */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

/**
 * Registers a handler for selection changes on one sheet (ExcelApi 1.7); resolves to its
 * removal. Excel fires it for the add-in's own select() too, so handlers must only follow
 * the selection, never select again.
 */
export function onSelectionChanged(
  run: ExcelRun,
  sheet: string,
  handler: (address: string) => void | Promise<void>,
): Promise<() => Promise<void>> {
  return register(run, (ctx) =>
    ctx.workbook.worksheets.getItem(sheet).onSelectionChanged.add(async (args) => {
      await handler(args.address);
    }),
  );
}
