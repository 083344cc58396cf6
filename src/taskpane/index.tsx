// Task pane entry, kept small: the page's first chunk is this, React and the light Fluent
// theme. The pane itself (pane.ts: the form, the Office.js service, validation) is fetched
// at once, while Office initialises; the first paint waits for Office.onReady, so the
// theme and the display language are Office's from the start: a skeleton if the pane is
// not there yet, else the pane. The dark theme is fetched only when Office is dark.
// Chunks load from where this script came from (webpack's publicPath 'auto'): the dev
// server, or the folder a release is served from (ADDIN_URL), whatever its path.
// Office.js is reached only through src/excel.
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { officeDisplayLanguage, officeReady, officeTheme } from '../excel/support';
import { PaneSkeleton } from './components/PaneSkeleton';
import { langOfDisplay } from './lang';
import { loadTheme, paintPage } from './theme';

/** The shell's own words (the pane's strings are in i18n.ts, in the pane's chunk). */
const SHELL_TEXT = {
  opening: { vi: 'Đang mở ngăn tác vụ...', en: 'Opening the task pane...' },
  failed: {
    vi: 'Không tải được ngăn tác vụ Chỉ số CCHC ({error}). Kiểm tra kết nối mạng tới máy chủ của phần bổ trợ, rồi đóng và mở lại ngăn.',
    en: 'The Chỉ số CCHC task pane could not be loaded ({error}). Check the network connection to the add-in\'s server, then close and reopen the pane.',
  },
} as const;

let paneHere = false;
const pane = import(/* webpackChunkName: "pane" */ './pane').then((m) => {
  paneHere = true;
  return m;
});
pane.catch(() => undefined); // reported once Office is ready, below

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);

async function start(): Promise<void> {
  await officeReady();
  const kind = officeTheme();
  const lang = langOfDisplay(officeDisplayLanguage());
  // A dark theme that cannot be fetched leaves the pane light rather than not at all.
  const theme = await loadTheme(kind).catch(() => loadTheme('light'));
  paintPage(theme, kind);
  const shell = (children: ReactElement) => (
    <FluentProvider theme={theme} lang={lang}>
      <main lang={lang}>{children}</main>
    </FluentProvider>
  );
  // Already here (cached, or fetched while Office initialised): no skeleton in between.
  if (!paneHere) root.render(shell(<PaneSkeleton label={SHELL_TEXT.opening[lang]} />));
  try {
    const { App, createExcelService, defaultHost } = await pane;
    root.render(<App service={createExcelService(defaultHost())} />);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    root.render(
      shell(
        <p role="alert" style={{ margin: 0, padding: 10, color: 'var(--colorPaletteRedForeground1)' }}>
          {SHELL_TEXT.failed[lang].replace('{error}', message)}
        </p>,
      ),
    );
  }
}

void start();
