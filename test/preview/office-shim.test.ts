/** The Office and Excel globals the preview gives the task pane bundle. */
import { createOfficeGlobals, type ShimOptions } from '../../src/preview/office-shim';

type OfficeShape = {
  onReady(cb?: (info: { host: string }) => void): Promise<{ host: string; platform: string }>;
  context: { displayLanguage: string; officeTheme: { bodyBackgroundColor: string; isDarkTheme: boolean }; requirements: { isSetSupported(n: string, v?: string): boolean } };
};
type ExcelShape = { run(...args: unknown[]): Promise<unknown> };

function globals(overrides: Partial<ShimOptions> = {}) {
  const options: ShimOptions = {
    run: async (...args) => (args.length === 1 ? 'batch' : 'options+batch'),
    isSetSupported: (_name, version) => version === undefined || Number(version.split('.')[1]) <= 7,
    displayLanguage: 'vi-VN',
    theme: 'light',
    ...overrides,
  };
  const { Office, Excel } = createOfficeGlobals(options);
  return { Office: Office as unknown as OfficeShape, Excel: Excel as unknown as ExcelShape };
}

test('onReady calls back after it returns, and resolves with Excel as host', async () => {
  const { Office } = globals();
  const calls: string[] = [];
  const ready = Office.onReady((info) => calls.push(info.host));
  expect(calls).toEqual([]);
  await expect(ready).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  expect(calls).toEqual(['Excel']);
});

test.each([
  ['light', '#FFFFFF', false],
  ['dark', '#262626', true],
] as const)('the %s theme reads as Office reports it', (theme, background, dark) => {
  const { Office } = globals({ theme });
  expect(Office.context.officeTheme.bodyBackgroundColor).toBe(background);
  expect(Office.context.officeTheme.isDarkTheme).toBe(dark);
});

test('requirement sets and language come from the options', () => {
  const { Office } = globals({ displayLanguage: 'en-US' });
  expect(Office.context.displayLanguage).toBe('en-US');
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
});

test('Excel.run passes both call shapes through and reports every settled run, failed ones too', async () => {
  let settled = 0;
  const failing = globals({ run: async () => Promise.reject(new Error('ItemNotFound')), afterRun: () => settled++ });
  await expect(failing.Excel.run(async () => 1)).rejects.toThrow('ItemNotFound');
  const { Excel } = globals({ afterRun: () => settled++ });
  await expect(Excel.run(async () => 1)).resolves.toBe('batch');
  await expect(Excel.run({ delayForCellEdit: true }, async () => 1)).resolves.toBe('options+batch');
  expect(settled).toBe(3);
});
