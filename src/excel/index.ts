/** The Office.js adapter: the only code that talks to Excel. */
export type { ExcelRun, SetSupportCheck, XlContext } from './api';
export { ExcelAdapterError, wrapOfficeError, type ExcelAdapterErrorCode } from './errors';
export { readWorkbook, type ReadOptions } from './read';
export { READ_CELL_BYTES } from './slices';
export { applyPlan, type WriteOptions, type WriteResult } from './write';
export { writeSpec, type SkippedFeature, type SpecResult } from './spec';
export { onSheetChanged, onSelectionChanged, selectCell, type SheetChange } from './events';
export { supports, excelRun, officeIsSetSupported, officeReady, officeTheme, officeDisplayLanguage, FEATURE_SET, type OptionalFeature } from './support';
export { DEFAULT_BUDGET_BYTES } from './chunks';
export { appendRows, canCreateWorkbook, createWorkbook, toBase64 } from './appraisal';
