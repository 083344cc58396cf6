/** @jest-environment jsdom */
/**
 * Issue 6 in jsdom: accessible names that start with the visible text (axe's
 * label-content-name-mismatch, WCAG 2.5.3), numbers with the Vietnamese decimal comma
 * when a card is opened on what the sheet holds, the language Office displays, and the
 * page body following the Office theme.
 */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { langOfDisplay } from '../../src/taskpane/i18n';
import { MemoryService, cellFor, sampleGrid, setCell } from './fixture';
import { byLabel, byText, click, key, render, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

async function open(service = new MemoryService(sampleGrid())): Promise<HTMLElement> {
  view = await render(<App service={service} />);
  await waitFor(() => expect(view?.container.querySelector('[role="tree"]')).not.toBeNull());
  return view.container;
}

const item = (c: HTMLElement, code: string) => c.querySelector<HTMLElement>(`[role="treeitem"][data-code="${code}"]`);
const card = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-card]');

/** Expands a field (the tree's first item, by keyboard) and opens a criterion's card. */
async function openCard(c: HTMLElement, field: string, code: string): Promise<HTMLElement> {
  await key(item(c, field), 'ArrowRight');
  await click(item(c, code));
  await waitFor(() => expect(card(c)?.dataset.card).toBe(code));
  return card(c) as HTMLElement;
}

/**
 * Words as axe compares them: decomposed, marks and punctuation dropped, lower case.
 * Text nodes are joined with nothing between them, as axe reads an element's visible text.
 */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) if (needle.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}

/** Widgets named by aria-label whose visible text is not a run of words of that name. */
function mismatches(c: HTMLElement): string[] {
  const widgets = c.querySelectorAll<HTMLElement>('button[aria-label], [role="treeitem"][aria-label], [role="tab"][aria-label], a[aria-label]');
  return [...widgets]
    .filter((el) => {
      const visible = words(el.textContent ?? '');
      return visible.length > 0 && !containsRun(words(el.getAttribute('aria-label') ?? ''), visible);
    })
    .map((el) => `${el.getAttribute('aria-label')} <- "${el.textContent}"`);
}

describe('accessible names start with the visible text', () => {
  it('in the loaded pane, with the tree open and a card shown, in both languages', async () => {
    const c = await open();
    expect(mismatches(c)).toEqual([]);
    await openCard(c, 'I', '1');
    expect(c.querySelectorAll('[role="treeitem"]').length).toBeGreaterThan(3);
    expect(mismatches(c)).toEqual([]);
    await click(byText(c, 'button', 'English'));
    expect(c.querySelector('main')?.getAttribute('lang')).toBe('en');
    expect(mismatches(c)).toEqual([]);
  });

  it('a tree item says code, name, score and then its status in words', async () => {
    const grid = sampleGrid();
    setCell(grid, cellFor(grid, '2', 'selfScore'), 1.5);
    const c = await open(new MemoryService(grid));
    await key(item(c, 'I'), 'ArrowRight');
    const label = item(c, '2')?.getAttribute('aria-label') ?? '';
    expect(label.startsWith('2 Mức độ thực hiện kế hoạch CCHC 1,5/2 điểm, ')).toBe(true);
    expect(label).toMatch(/, (có lỗi|có cảnh báo|đã xong)$/);
    // The visible parts are words apart, not run together.
    expect(words(item(c, '2')?.textContent ?? '')).toEqual(['2', ...words('Mức độ thực hiện kế hoạch CCHC'), '1', '5', '2']);
  });

  it('the language button is named by its text, the other language, in that language', async () => {
    const c = await open();
    const button = byText(c, 'button', 'English') as HTMLElement;
    expect(button.getAttribute('aria-label')).toBeNull();
    expect(button.getAttribute('lang')).toBe('en');
    expect(button.title).toBe('Chuyển sang tiếng Anh');
  });

  it('the print button name begins with "In phiếu"', async () => {
    const c = await open();
    const button = c.querySelector<HTMLElement>('[data-action="print"]') as HTMLElement;
    expect(button.textContent).toBe('In phiếu');
    expect(button.getAttribute('aria-label')).toBe('In phiếu: tạo phiếu chấm điểm sẵn để in');
  });
});

describe('numbers from the sheet keep the reader decimal mark', () => {
  const grid = () => {
    const g = sampleGrid();
    setCell(g, cellFor(g, '2', 'selfScore'), 1.5);
    setCell(g, cellFor(g, '2', 'declared'), 87.5);
    return g;
  };
  it.each([
    ['vi-VN', 'Điểm tự đánh giá', '1,5', '87,5'],
    ['en-US', 'Self-score', '1.5', '87.5'],
  ])('Office in %s: the reopened card shows %s %s, declared %s', async (language, label, score, declared) => {
    const service = new MemoryService(grid());
    service.language = language;
    const c = await open(service);
    const shown = await openCard(c, 'I', '2');
    expect((byLabel(shown, label) as HTMLInputElement).value).toBe(score);
    expect((shown.querySelector('input[data-field="declared"]') as HTMLInputElement).value).toBe(declared);
  });
});

describe('the language Office displays', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['vi-VN', 'vi'],
    ['fr-FR', 'vi'],
    ['eng', 'vi'],
    ['', 'vi'],
    [undefined, 'vi'],
  ])('%s -> %s', (display, lang) => {
    expect(langOfDisplay(display)).toBe(lang);
  });

  it('an English Office starts the pane in English, and the switch still wins', async () => {
    const service = new MemoryService(sampleGrid());
    service.language = 'en-US';
    const c = await open(service);
    expect(c.querySelector('main')?.getAttribute('lang')).toBe('en');
    expect(c.querySelector('[role="tree"]')?.getAttribute('aria-label')).toBe('Fields and criteria');
    await click(byText(c, 'button', 'Tiếng Việt'));
    expect(c.querySelector('main')?.getAttribute('lang')).toBe('vi');
    expect(byText(c, 'button', 'Việc tiếp theo')).not.toBeNull();
  });

  it('a Vietnamese Office starts in Vietnamese', async () => {
    const c = await open();
    expect(c.querySelector('main')?.getAttribute('lang')).toBe('vi');
    expect(byText(c, 'button', 'English')).not.toBeNull();
  });
});

describe('the page body follows the Office theme', () => {
  const rgb = (color: string) => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = color;
    return probe.style.backgroundColor;
  };
  it.each([
    ['dark', true, webDarkTheme.colorNeutralBackground1],
    ['light', false, webLightTheme.colorNeutralBackground1],
  ])('%s: no margin, the theme background', async (_name, dark, background) => {
    await open(new MemoryService(sampleGrid(), dark));
    expect(document.body.style.margin).toMatch(/^0(px)?$/);
    expect(document.body.style.backgroundColor).toBe(rgb(background));
    expect(document.body.style.colorScheme).toBe(dark ? 'dark' : 'light');
  });
});
