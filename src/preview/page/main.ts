/**
 * The browser app (preview.html): the officer's own .xlsx, or the sample, as an editable
 * grid beside the real task pane bundle, which runs in a frame on Office.js globals built
 * over the strict stand-in. "Lưu tệp" downloads the opened file with only the changed
 * cells rewritten and the sheets the pane added or made again written whole (surgical
 * writer; a blank workbook made here is written whole); cell changes are autosaved in
 * IndexedDB and offered back when the same file is opened again; leaving with unsaved
 * changes or new sheets asks first; a service worker keeps the app working offline.
 * Nothing is sent anywhere.
 * exceljs, the reader and the stand-in are loaded with import(), so they are their own chunks.
 * Query parameters: sample=<file in samples/> (opens it at once), width=320|450,
 * theme=light|dark, lang=vi-VN|en-US, api=1.7 (the ExcelApi version the stand-in offers).
 */
import type ExcelJS from 'exceljs';
import { localToday } from '../../core/clock';
import { message } from '../../core/findings';
import { FileUnreadableError } from '../../xlsx/errors';
import { createOfficeGlobals, GLOBALS_KEY, type PreviewTheme, type RunFunction } from '../office-shim';
import type { StandIn } from '../standin';
import { clearAutosave, fileKey, loadAutosave, storeAutosave, type Autosave } from './autosave';
import { NOTHING_PENDING, applyChanges, openedSheets, pending, planOf, snapshot, type OpenedSheets, type Pending, type Snapshot } from './changes';
import { createGrid, type Grid } from './grid';
import { offerDownload } from './download';

const SAMPLE = 'so-tu-phap-2024.xlsx';
const WIDTHS = ['320', '450'];
/** Quiet time after the last change before it is autosaved. */
const AUTOSAVE_MS = 600;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`preview.html has no #${id}`);
  return found as T;
}

const params = new URLSearchParams(location.search);
const settings = {
  width: WIDTHS.includes(params.get('width') ?? '') ? (params.get('width') as string) : '320',
  theme: (params.get('theme') === 'dark' ? 'dark' : 'light') as PreviewTheme,
  lang: params.get('lang') === 'en-US' ? 'en-US' : 'vi-VN',
  api: /^1\.\d{1,2}$/.test(params.get('api') ?? '') ? (params.get('api') as string) : undefined,
};
// A bare file name: the page only opens samples served from samples/.
const requestedSample = /^[\w.-]+\.xlsx$/.test(params.get('sample') ?? '') ? (params.get('sample') as string) : null;

/** Keeps the address bar in step with the controls, so a reload or a shared link shows the same state. */
function remember(): void {
  const next = new URLSearchParams(location.search);
  next.set('width', settings.width);
  next.set('theme', settings.theme);
  next.set('lang', settings.lang);
  history.replaceState(null, '', `?${next.toString()}`);
}

const announcer = element<HTMLDivElement>('announcer');
function announce(text: string): void {
  // Emptying first makes screen readers repeat an identical message.
  announcer.textContent = '';
  setTimeout(() => (announcer.textContent = text), 50);
}

/** The workbook the page has open. */
interface OpenFile {
  name: string;
  bytes: Uint8Array;
  key: string;
  sample: boolean;
  workbook: ExcelJS.Workbook;
  standIn: StandIn;
  /** A blank workbook made in the page (consolidation): nothing of it to keep, so it is saved whole. */
  blank: boolean;
  /** The cells as the file was opened. */
  original: Snapshot;
  /** The sheets as the file was opened: a sheet not among them is saved whole. */
  opened: OpenedSheets;
  /** The signature of what the last "Lưu tệp" saved: equal to the current one means nothing is unsaved. */
  saved: string;
  /** The cell changes last written to IndexedDB (JSON). */
  stored: string;
}

let open: OpenFile | null = null;
/** The grid of the open workbook (set by mountFile), drawn for paper while the page prints. */
let printedGrid: Grid | null = null;

function pendingOf(file: OpenFile): Pending {
  return pending(file.original, file.opened, file.workbook);
}

/** What is not saved to a file yet: null when nothing is. */
function unsaved(file: OpenFile | null): Pending | null {
  if (!file) return null;
  const now = pendingOf(file);
  return now.signature === file.saved ? null : now;
}

/** "3 ô đã sửa và 1 trang mới" / "3 changed cell(s) and 1 new sheet(s)": sheets named only when there are some. */
function counted(p: Pending): { vi: string; en: string } {
  if (p.sheets.length === 0) return { vi: `${p.cells.length} ô đã sửa`, en: `${p.cells.length} changed cell(s)` };
  return { vi: `${p.cells.length} ô đã sửa và ${p.sheets.length} trang mới`, en: `${p.cells.length} changed cell(s) and ${p.sheets.length} new sheet(s)` };
}

const status = element('save-status');
function showStatus(file: OpenFile, now: Pending): void {
  const dirty = now.signature !== file.saved;
  const n = counted(now);
  status.textContent = dirty ? `Có ${n.vi} chưa lưu vào tệp / ${n.en} not saved to a file yet` : 'Không có thay đổi chưa lưu / No unsaved changes';
  status.dataset.dirty = String(dirty);
}

let autosaveTimer = 0;
/** After an edit in the grid or a write by the pane: status updated, the changes autosaved. */
function changed(): void {
  clearTimeout(autosaveTimer);
  autosaveTimer = window.setTimeout(() => {
    const file = open;
    if (!file) return;
    const now = pendingOf(file);
    showStatus(file, now);
    const changes = now.cells;
    const json = JSON.stringify(changes);
    if (json === file.stored) return;
    file.stored = json;
    const save: Autosave = { key: file.key, fileName: file.name, savedAt: new Date().toISOString(), changes };
    (changes.length === 0 ? clearAutosave(file.key) : storeAutosave(save)).catch((error: unknown) => {
      announce(`Không lưu tạm được vào trình duyệt / Could not autosave in the browser: ${String(error)}`);
      console.error(error);
    });
  }, AUTOSAVE_MS);
}

/** Offers an autosave of this file back; resolves with the officer's choice. */
function askRestore(save: Autosave): Promise<boolean> {
  const panel = element('grid-panel');
  const box = document.createElement('section');
  box.className = 'restore';
  box.setAttribute('aria-labelledby', 'restore-title');
  const time = new Date(save.savedAt).toLocaleString('vi-VN');
  box.innerHTML = `<h2 id="restore-title">Có bản lưu tự động của tệp này <span lang="en">/ An autosave of this file exists</span></h2>
    <p></p>
    <button type="button" data-choice="restore">Khôi phục <span lang="en">/ Restore</span></button>
    <button type="button" data-choice="discard">Bỏ qua <span lang="en">/ Discard</span></button>`;
  box.querySelector('p')!.textContent =
    `${save.changes.length} ô đã sửa lúc ${time}, chưa lưu vào tệp. / ${save.changes.length} cell(s) changed at ${time}, not saved to a file.`;
  panel.replaceChildren(box);
  box.querySelector('button')!.focus();
  return new Promise((resolve) => {
    box.addEventListener('click', (event) => {
      const choice = (event.target as HTMLElement).closest('button')?.dataset.choice;
      if (choice) resolve(choice === 'restore');
    });
  });
}

/** A fresh grid: the old one's listeners go with its replaced elements. */
function freshHost(id: string): HTMLElement {
  const old = element(id);
  const next = old.cloneNode(false) as HTMLElement;
  old.replaceWith(next);
  return next;
}

function unreadable(error: unknown): string {
  if (error instanceof FileUnreadableError) return `${message(error.toFinding('vi'), 'vi')} / ${message(error.toFinding('en'), 'en')}`;
  return error instanceof Error ? error.message : String(error);
}

function showError(text: string): void {
  const panel = element('grid-panel');
  const p = document.createElement('p');
  p.id = 'load-error';
  p.role = 'alert';
  p.textContent = text;
  panel.replaceChildren(p);
}

async function openBytes(bytes: Uint8Array, name: string, kind: { sample?: boolean; blank?: boolean } = {}): Promise<void> {
  const left = unsaved(open);
  const n = left && counted(left);
  if (n && !confirm(`Tệp ${open!.name} còn ${n.vi} chưa lưu. Mở tệp khác? (Bản lưu tự động giữ các ô đã sửa.)\n${open!.name} has ${n.en} not saved. Open another file? (The autosave keeps the changed cells.)`)) return;
  const [{ loadWorkbook }, { createStandIn }] = await Promise.all([
    import(/* webpackChunkName: "reader" */ '../../xlsx/buffer'),
    import(/* webpackChunkName: "standin" */ '../standin'),
  ]);
  const workbook = await loadWorkbook(bytes, name);
  const key = await fileKey(bytes, name);
  const original = snapshot(workbook);
  const opened = openedSheets(workbook);
  const autosave = await loadAutosave(key).catch((error: unknown) => {
    console.error(error);
    return undefined;
  });
  let stored = '[]';
  if (autosave && autosave.changes.length > 0) {
    if (await askRestore(autosave)) {
      applyChanges(workbook, autosave.changes);
      stored = JSON.stringify(autosave.changes);
    } else {
      await clearAutosave(key);
    }
  }
  const standIn = createStandIn(workbook, settings.api ? { apiVersion: settings.api } : {});
  open = { name, bytes, key, sample: kind.sample === true, blank: kind.blank === true, workbook, standIn, original, opened, saved: NOTHING_PENDING, stored };
  mountFile(open);
  showStatus(open, pendingOf(open));
}

function mountFile(file: OpenFile): void {
  const { standIn, workbook } = file;
  element('file-name').textContent = file.name;
  element('sample-banner').hidden = !file.sample;
  document.body.dataset.open = 'true';
  let grid: Grid | null = null;
  let redraw = 0;
  let lastSelection = standIn.selection;
  const afterRun = () => {
    changed();
    // Many runs can settle in one frame (the pane reads, then writes): draw once.
    cancelAnimationFrame(redraw);
    redraw = requestAnimationFrame(() => {
      const selection = standIn.selection;
      if (selection && selection !== lastSelection) grid?.select(selection.sheet, selection.address);
      else grid?.refresh();
      lastSelection = selection;
    });
  };
  const panel = freshHost('grid-panel');
  const tabs = freshHost('sheet-tabs');
  grid = createGrid(
    {
      workbook,
      editCell: async (sheet, address, text) => {
        await standIn.editCell(sheet, address, text);
        changed();
      },
      selectCell: async (sheet, address) => {
        await standIn.selectByUser(sheet, address);
        // The user's own selection: the grid shows it already, nothing to follow.
        lastSelection = standIn.selection;
      },
    },
    { panel, tabs, announce },
  );
  printedGrid = grid;

  mountPane = () => {
    (window as unknown as Record<string, unknown>)[GLOBALS_KEY] = createOfficeGlobals({
      run: standIn.run as unknown as RunFunction,
      isSetSupported: (name, version) => standIn.isSetSupported(name, version),
      displayLanguage: settings.lang,
      theme: settings.theme,
      afterRun,
    });
    element<HTMLIFrameElement>('pane').src = `preview-pane.html?theme=${settings.theme}&lang=${settings.lang}`;
  };
  mountPane();
  for (const id of ['save', 'print', 'reopen']) element<HTMLButtonElement>(id).disabled = false;
  announce(`Đã mở ${file.name} / Opened ${file.name}`);
}

/** Starts the pane again over the open workbook (set by mountFile). */
let mountPane: () => void = () => undefined;

async function save(): Promise<void> {
  const file = open;
  if (!file) return;
  const now = pendingOf(file);
  // The writer (and JSZip) load on the first save, not with the page.
  const { savedBytes, wholeBytes } = await import(/* webpackChunkName: "save" */ './save');
  const bytes = file.blank ? await wholeBytes(file.workbook) : await savedBytes(file.bytes, planOf(now.cells), file.name, { workbook: file.workbook, sheets: now.sheets });
  offerDownload(bytes, file.name);
  file.saved = now.signature;
  file.stored = '[]';
  await clearAutosave(file.key);
  showStatus(file, now);
  const n = counted(now);
  const sheets = now.sheets.length > 0 ? ` Trang mới đã lưu: ${now.sheets.join(', ')}. / New sheet(s) saved: ${now.sheets.join(', ')}.` : '';
  announce(`Đã lưu ${file.name} (${n.vi}) / Saved ${file.name} (${n.en}).${sheets}`);
}

async function openChosen(files: File[]): Promise<void> {
  const books = files.filter((f) => /\.xlsx$/i.test(f.name));
  if (files.length > 1) {
    announce('Mỗi lần mở một tệp. Để tổng hợp nhiều tệp của các đơn vị, chọn chế độ Tổng hợp trong ngăn tác vụ rồi thả các tệp vào đó. / Open one file at a time. To consolidate units\' files, choose Consolidation in the task pane and drop them there.');
    showError('Mỗi lần mở một tệp .xlsx. Để tổng hợp nhiều tệp, dùng chế độ Tổng hợp trong ngăn tác vụ. / Open one .xlsx file at a time. To consolidate many files, use the Consolidation mode of the task pane.');
    return;
  }
  if (books.length === 0) {
    showError(`${files[0]?.name ?? ''}: chỉ mở được tệp Excel .xlsx (Excel 2007 trở lên). Tệp .xls cũ: mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx. / Only .xlsx workbooks can be opened; save an old .xls as .xlsx first.`);
    return;
  }
  await openBytes(new Uint8Array(await books[0].arrayBuffer()), books[0].name);
}

async function openSample(name: string): Promise<void> {
  const response = await fetch(`samples/${name}`);
  if (!response.ok) throw new Error(`samples/${name}: HTTP ${response.status}`);
  await openBytes(new Uint8Array(await response.arrayBuffer()), name, { sample: true });
}

/** A new workbook for Sở Nội vụ's consolidation, named with the officer's own date: the pane's Tổng hợp mode writes its sheets into it. */
async function openBlank(): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1');
  await openBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), `tong-hop-${localToday()}.xlsx`, { blank: true });
}

function failed(error: unknown): void {
  const text = `Không mở được tệp / Could not open the file: ${unreadable(error)}`;
  showError(text);
  announce(text);
  console.error(error);
}

// ---------------------------------------------------------------------------------------
// The controls.

const fileInput = element<HTMLInputElement>('file-input');
element('open-file').addEventListener('click', () => fileInput.click());
// The welcome panel's copies of the two buttons (gone once a file is open).
element('grid-panel').addEventListener('click', (event) => {
  const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
  if (action) element(action).click();
});
fileInput.addEventListener('change', () => {
  const files = [...(fileInput.files ?? [])];
  fileInput.value = '';
  if (files.length > 0) openChosen(files).catch(failed);
});
element('open-sample').addEventListener('click', () => openSample(SAMPLE).catch(failed));
element('open-blank').addEventListener('click', () => openBlank().catch(failed));

// Dropping a file anywhere on the page opens it (the pane's frame takes its own drops).
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  document.body.dataset.dragging = 'true';
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) delete document.body.dataset.dragging;
});
document.addEventListener('drop', (event) => {
  delete document.body.dataset.dragging;
  const files = [...(event.dataTransfer?.files ?? [])];
  if (files.length === 0) return;
  event.preventDefault();
  openChosen(files).catch(failed);
});

const saveButton = element<HTMLButtonElement>('save');
saveButton.addEventListener('click', () => {
  saveButton.disabled = true;
  save()
    .catch((error: unknown) => {
      const text = `Không lưu được / Could not save: ${error instanceof Error ? error.message : String(error)}`;
      announce(text);
      status.textContent = text;
      console.error(error);
    })
    .finally(() => (saveButton.disabled = false));
});

element('print').addEventListener('click', () => window.print());
// The grid is drawn for paper while the page prints: Chromium says so before printing (beforeprint) and through the print media query.
const printMedia = window.matchMedia('print');
window.addEventListener('beforeprint', () => printedGrid?.setPrinting(true));
window.addEventListener('afterprint', () => printedGrid?.setPrinting(printMedia.matches));
printMedia.addEventListener('change', (e) => printedGrid?.setPrinting(e.matches));

// Closing and reopening the pane, as in Excel: it starts again from what the workbook holds.
element('reopen').addEventListener('click', () => {
  mountPane();
  announce('Đã mở lại ngăn tác vụ / The pane was reopened');
});

// Leaving with changes not saved to a file asks first (they are in the autosave too).
window.addEventListener('beforeunload', (event) => {
  if (!unsaved(open)) return;
  event.preventDefault();
  event.returnValue = '';
});

for (const [id, key] of [['theme', 'theme'], ['language', 'lang']] as const) {
  const select = element<HTMLSelectElement>(id);
  select.value = settings[key];
  select.addEventListener('change', () => {
    if (key === 'theme') settings.theme = select.value === 'dark' ? 'dark' : 'light';
    else settings.lang = select.value;
    remember();
    // Office reads theme and language when the pane starts: start it again, as Office does.
    mountPane();
  });
}

function setWidth(width: string): void {
  settings.width = width;
  element<HTMLIFrameElement>('pane').style.width = `${width}px`;
}

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="pane-width"]')) {
  radio.checked = radio.value === settings.width;
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    setWidth(radio.value);
    remember();
  });
}
setWidth(settings.width);

// Offline after the first visit (a release build only: the dev server rebuilds on every change).
if (process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch((error: unknown) => console.error('service worker', error));
}

if (requestedSample) openSample(requestedSample).catch(failed);
