/**
 * The browser preview: the sample workbook as an editable grid beside the real task pane
 * bundle, which runs in a frame on Office.js globals built over the strict stand-in.
 * exceljs and the stand-in are loaded with import(), so they are their own chunks.
 * Query parameters: width=320|450, theme=light|dark, lang=vi-VN|en-US, api=1.7 (the
 * ExcelApi version the stand-in offers, to try an older Excel), sample=<file in samples/>.
 */
import { createOfficeGlobals, GLOBALS_KEY, type PreviewTheme, type RunFunction } from '../office-shim';
import { downloadWorkbook } from './download';
import { createGrid, type Grid } from './grid';

const DEFAULT_SAMPLE = 'so-tu-phap-2024.xlsx';
const WIDTHS = ['320', '450'];

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
  // A bare file name: the page only opens files served from samples/.
  sample: /^[\w.-]+\.xlsx$/.test(params.get('sample') ?? '') ? (params.get('sample') as string) : DEFAULT_SAMPLE,
};

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

async function openSample(): Promise<void> {
  const response = await fetch(`samples/${settings.sample}`);
  if (!response.ok) throw new Error(`samples/${settings.sample}: HTTP ${response.status}`);
  const [{ default: ExcelJS }, { createStandIn }, data] = await Promise.all([
    import('exceljs'),
    import(/* webpackChunkName: "standin" */ '../standin'),
    response.arrayBuffer(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const standIn = createStandIn(workbook, settings.api ? { apiVersion: settings.api } : {});

  element('file-name').textContent = settings.sample;
  let grid: Grid | null = null;
  let redraw = 0;
  let lastSelection = standIn.selection;
  const afterRun = () => {
    // Many runs can settle in one frame (the pane reads, then writes): draw once.
    cancelAnimationFrame(redraw);
    redraw = requestAnimationFrame(() => {
      const selection = standIn.selection;
      if (selection && selection !== lastSelection) grid?.select(selection.sheet, selection.address);
      else grid?.refresh();
      lastSelection = selection;
    });
  };
  grid = createGrid(
    {
      workbook,
      editCell: (sheet, address, text) => standIn.editCell(sheet, address, text),
      selectCell: async (sheet, address) => {
        await standIn.selectByUser(sheet, address);
        // The user's own selection: the grid shows it already, nothing to follow.
        lastSelection = standIn.selection;
      },
    },
    { panel: element('grid-panel'), tabs: element('sheet-tabs'), announce },
  );

  const frame = element<HTMLIFrameElement>('pane');
  const mountPane = () => {
    (window as unknown as Record<string, unknown>)[GLOBALS_KEY] = createOfficeGlobals({
      run: standIn.run as unknown as RunFunction,
      isSetSupported: (name, version) => standIn.isSetSupported(name, version),
      displayLanguage: settings.lang,
      theme: settings.theme,
      afterRun,
    });
    frame.src = `preview-pane.html?theme=${settings.theme}&lang=${settings.lang}`;
  };
  mountPane();

  // Closing and reopening the pane, as in Excel: it starts again from what the workbook holds.
  const reopen = element<HTMLButtonElement>('reopen');
  reopen.disabled = false;
  reopen.addEventListener('click', () => {
    mountPane();
    announce('Đã mở lại ngăn tác vụ / The pane was reopened');
  });

  const download = element<HTMLButtonElement>('download');
  download.disabled = false;
  download.addEventListener('click', () => {
    download.disabled = true;
    downloadWorkbook(workbook, settings.sample)
      .then(() => announce(`Đã tải xuống ${settings.sample} / Downloaded ${settings.sample}`))
      .catch((error: unknown) => announce(`Không tải xuống được / Download failed: ${String(error)}`))
      .finally(() => (download.disabled = false));
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

openSample().catch((error: unknown) => {
  const panel = element('grid-panel');
  const message = document.createElement('p');
  message.id = 'load-error';
  message.role = 'alert';
  message.textContent = `Không mở được sổ mẫu / Could not open the sample workbook: ${error instanceof Error ? error.message : String(error)}`;
  panel.replaceChildren(message);
  console.error(error);
});
