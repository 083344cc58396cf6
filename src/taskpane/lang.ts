/** The pane's language, apart from its strings (i18n.ts): the first chunk (index.tsx) needs only this. */
import type { Lang } from '../core/format';

/** The pane's language for Office's display language: English for 'en-*', Vietnamese otherwise. */
export function langOfDisplay(displayLanguage: string | undefined): Lang {
  return /^en(?:-|$)/i.test(displayLanguage ?? '') ? 'en' : 'vi';
}
