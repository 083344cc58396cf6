/** Numbers and dates as Vietnamese (or English) readers write them. */

export type Lang = 'vi' | 'en';

/** `11.5` -> `11,5` in Vietnamese; at most 4 decimals, no trailing zeros. */
export function formatNumber(n: number, lang: Lang = 'vi'): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 10000) / 10000;
  const s = String(rounded);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** ISO date `2024-06-07` -> `07/6/2024`, as dates are written in document lists. */
export function formatDateShort(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}

/** ISO date `2024-06-07` -> `ngày 07 tháng 6 năm 2024`, the official date line. */
export function formatDateLong(iso: string, lang: Lang = 'vi'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'en') return `${d} ${MONTHS_EN[m - 1]} ${y}`;
  return `ngày ${String(d).padStart(2, '0')} tháng ${m} năm ${y}`;
}

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
