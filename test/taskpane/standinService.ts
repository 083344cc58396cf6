/** The pane's real Office.js service over the strict Excel stand-in, as the pane tests drive it. */
import type { StandIn } from '../../src/preview/standin';
import { createExcelService } from '../../src/taskpane/excelService';

/** `bundledReference`: the workbook is checked against its bundled set, as in the pane; else against the sheet alone. */
export function serviceOnStandIn(standIn: StandIn, opts: { today?: string; bundledReference?: boolean } = {}): ReturnType<typeof createExcelService> {
  return createExcelService({
    run: standIn.run as never,
    isSetSupported: (name, v) => standIn.isSetSupported(name, v),
    ready: async () => undefined,
    theme: () => 'light',
    displayLanguage: () => 'vi-VN',
    today: () => opts.today ?? '2024-12-20',
    ...(opts.bundledReference ? {} : { matchReference: async () => ({}) }),
  });
}
