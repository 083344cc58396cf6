// Task pane entry: the pane over the open workbook, rendered once Office has initialised
// (Office.onReady), so the theme and the display language are Office's from the first
// paint. Office.js is reached only through src/excel (excelService.ts).
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createExcelService, defaultHost } from './excelService';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const host = defaultHost();
void host.ready().then(() => createRoot(container).render(<App service={createExcelService(host)} />));
