// The pane proper, one chunk that index.tsx fetches while Office initialises: the form,
// the Office.js service and everything they need. Views the form does not show at once
// are chunks of their own below it (views.tsx).
export { App } from './App';
export { createExcelService, defaultHost } from './excelService';
