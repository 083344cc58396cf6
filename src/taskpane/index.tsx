// Task pane entry: the pane over the open workbook. Office.js is reached only through
// src/excel (excelService.ts).
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createExcelService } from './excelService';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
createRoot(container).render(<App service={createExcelService()} />);
