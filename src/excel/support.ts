/**
 * Requirement sets: the add-in needs ExcelApi 1.7 (Office 2019); newer features are
 * checked at run time and explained when missing, never silently dropped.
 */
import type { ExcelRun, SetSupportCheck, XlContext } from './api';

export type OptionalFeature = 'dataValidation' | 'pageLayout' | 'autoFilter' | 'customProperties';

/** The ExcelApi version each optional feature needs. */
export const FEATURE_SET: Record<OptionalFeature, string> = {
  dataValidation: '1.8',
  pageLayout: '1.9',
  autoFilter: '1.9',
  customProperties: '1.12',
};

/**
 * Office's own check, read when called (the Office global exists only inside Office);
 * before Office has initialised nothing optional is supported.
 */
export const officeIsSetSupported: SetSupportCheck = (name, minVersion) =>
  Office.context?.requirements?.isSetSupported(name, minVersion) ?? false;

export function supports(feature: OptionalFeature, isSetSupported: SetSupportCheck = officeIsSetSupported): boolean {
  return isSetSupported('ExcelApi', FEATURE_SET[feature]);
}

/** Excel.run, read when called. */
export const excelRun: ExcelRun = <T>(
  first: { delayForCellEdit?: boolean } | ((context: XlContext) => Promise<T>),
  second?: (context: XlContext) => Promise<T>,
): Promise<T> => {
  if (typeof first === 'function') return Excel.run(first);
  if (!second) throw new TypeError('Excel.run needs a batch function');
  return Excel.run(first, second);
};

/** Resolves when Office has initialised the add-in: call it before the first Excel.run. */
export async function officeReady(): Promise<void> {
  await Office.onReady();
}

/** Office's UI language as a BCP 47 tag ('vi-VN', 'en-US'); empty before Office has initialised. */
export function officeDisplayLanguage(): string {
  return Office.context?.displayLanguage ?? '';
}

/** Whether Office shows a dark theme (Black / Dark Gray); light when Office does not say. */
export function officeTheme(): 'light' | 'dark' {
  const theme = Office.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  return theme?.isDarkTheme ? 'dark' : 'light';
}
