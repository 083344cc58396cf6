/** The page setup the generated working sheets share (template, summaries, explanation request). */
import type { PrintSetup } from './spec';

/** A4 landscape, fit to width, the header row repeated, left margin for binding, "Trang x/y". */
export function landscapeA4(headerRow: number, lastRow: number, lastCol: number): PrintSetup {
  return {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    titleRows: [headerRow, headerRow],
    margins: { top: 0.6, bottom: 0.6, left: 0.8, right: 0.4, header: 0.3, footer: 0.3 },
    centerFooter: 'Trang &P/&N',
    printArea: { top: 0, left: 0, bottom: Math.max(lastRow, headerRow), right: lastCol },
  };
}
