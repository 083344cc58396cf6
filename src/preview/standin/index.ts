/** The strict Excel stand-in: Excel.run over an exceljs workbook, for tests, benches and the preview page. */
export { createStandIn, StandInContext, type StandIn, type StandInOptions, type RunOptions } from './standin';
export { StandInError, type StandInErrorCode } from './errors';
export { PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT, type ActionDesc, type RequestStats, type ChangeEvent } from './context';
export type { ChartRecord, SeriesRecord } from './charts';
