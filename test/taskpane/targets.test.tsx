/** @jest-environment jsdom */
import { lookupCriteria } from '../../src/core/criteriaSet';
import { formatNumber } from '../../src/core/format';
import { parTarget } from '../../src/core/targets';
import { App } from '../../src/taskpane/App';
import { MemoryService, cellFor, sampleGrid, sampleSet, setCell } from './fixture';
import { chooseFiles, byLabel, byText, click, render, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const LABEL = 'Chọn tệp kết quả năm trước (CSV/JSON)';

/** The pane on the sample workbook (its last-year column empty), on the Targets tab. */
async function openTargets(grid = sampleGrid()): Promise<HTMLElement> {
  view = await render(<App service={new MemoryService(grid)} />);
  await waitFor(() => expect(view?.container.querySelector('[role="tree"]')).not.toBeNull());
  const c = view.container;
  await click(byText(c, '[role="tab"]', 'Mục tiêu'));
  await waitFor(() => expect(byLabel(c, LABEL)).not.toBeNull());
  return c;
}

/** Chooses a file as the browser does: the input's files set, then a change event. */
async function chooseFile(c: HTMLElement, name: string, text: string): Promise<void> {
  const input = byLabel(c, LABEL) as HTMLInputElement;
  await chooseFiles(input, [new File([text], name, { type: 'text/csv' })]);
}

const status = (c: HTMLElement) => c.querySelector('[data-baseline-status]')?.textContent ?? '';
const gapRow = (c: HTMLElement, code: string) =>
  [...c.querySelectorAll<HTMLTableRowElement>('[data-table="gaps"] tbody tr')].find((r) => r.querySelector('th')?.textContent === code);

describe('the Targets view with a chosen file of last year\'s results', () => {
  it('explains the expected columns and labels the input', async () => {
    const c = await openTargets();
    const input = byLabel(c, LABEL) as HTMLInputElement;
    expect(input.type).toBe('file');
    const help = document.getElementById(input.getAttribute('aria-describedby') as string);
    expect(help?.textContent).toContain('Mã tiêu chí');
    expect(c.querySelector('[data-table="gaps"]')).toBeNull();
  });

  it('shows targets and the gap of each criterion from a Vietnamese CSV with decimal commas', async () => {
    const grid = sampleGrid();
    const current = 1.5;
    setCell(grid, cellFor(grid, '2', 'selfScore'), current);
    const c = await openTargets(grid);
    const previous = new Map([['1', 0], ['2', 1.5], ['5', 2]]);
    const csv = ['Đơn vị;Mã tiêu chí;Điểm năm 2023', ...[...previous].map(([code, s]) => `SỞ TƯ PHÁP;${code};${formatNumber(s, 'vi')}`)].join('\r\n');
    await chooseFile(c, 'ket-qua-2023.csv', csv);
    await waitFor(() => expect(c.querySelector('[data-table="gaps"]')).not.toBeNull());
    expect(status(c)).toContain('3 tiêu chí');
    const index = lookupCriteria(sampleSet());
    const target = parTarget(index.byCode.get('2')!, previous.get('2')!).target;
    const cells = [...(gapRow(c, '2')?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(cells).toEqual([formatNumber(1.5, 'vi'), formatNumber(target, 'vi'), formatNumber(current, 'vi'), formatNumber(target - current, 'vi')]);
    expect(target - current).toBeGreaterThan(0);
    expect(gapRow(c, '5')).toBeDefined();
    expect(c.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain('Mục tiêu');
  });

  it('says clearly when the file has no rows for the open unit', async () => {
    const c = await openTargets();
    await chooseFile(c, 'so-y-te.csv', 'Đơn vị,Mã tiêu chí,Điểm\nSở Y tế,1,1\nSở Y tế,2,"1,5"\n');
    await waitFor(() => expect(status(c)).toContain('không có dòng nào cho đơn vị "Sở Tư pháp"'));
    expect(status(c)).toContain('Sở Y tế');
    expect(c.querySelector('[data-table="gaps"]')).toBeNull();
  });

  it('names the line of each malformed row and keeps the good ones', async () => {
    const c = await openTargets();
    await chooseFile(c, 'loi.csv', 'Đơn vị;Mã tiêu chí;Điểm\nSở Tư pháp;1;1\nSở Tư pháp;2;một\nSở Tư pháp;5;2\n');
    await waitFor(() => expect(c.querySelector('[data-baseline-problems]')).not.toBeNull());
    const problems = [...c.querySelectorAll('[data-baseline-problems] li')].map((li) => li.textContent);
    expect(problems).toEqual([expect.stringMatching(/^Dòng 3: điểm "một"/)]);
    expect(gapRow(c, '1')).toBeDefined();
    expect(gapRow(c, '2')).toBeUndefined();
  });
});
