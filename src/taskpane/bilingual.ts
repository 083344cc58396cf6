/**
 * Texts that come in both languages, shown in the pane's. Our errors carry both: a
 * WorkbookError its Vietnamese `message` and `en`, others (Excel adapter, surgical plan,
 * worker) `vi` and `en`; anything else shows its own message rather than nothing.
 */
import type { Lang } from '../core/format';

/** The text of a { vi, en } pair in the pane's language. */
export function pick(lang: Lang, text: { vi: string; en: string }): string {
  return lang === 'vi' ? text.vi : text.en;
}

/** The text of a failure in the pane's language. */
export function errorText(e: unknown, lang: Lang): string {
  const err = e as { vi?: string; en?: string; message?: string } | null | undefined;
  return (lang === 'vi' ? err?.vi : err?.en) ?? err?.message ?? String(e);
}
