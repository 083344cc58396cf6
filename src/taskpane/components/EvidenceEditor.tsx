/**
 * Evidence as a list of documents, each with number and symbol, date, issuer, subject,
 * section and link; several per criterion. Every valid edit rewrites the cell as
 * readable text; a cell only visited (focused, left) is never written, so its rich text
 * and hyperlink stay. A whole citation pasted into "Số, ký hiệu" fills the fields; a date
 * typed is written in the Vietnamese form; a field that is not a number/symbol, a date or an
 * http(s) link is refused under itself (aria-invalid, focused) and nothing is written.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Field, Input, Link, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { isSafeHttpUrl } from '../../core/links';
import { emptyEntry, entryProblems, normalizeDate, parseEntries, serializeEntries, splitPastedCitation, type EntryField, type EvidenceEntry, type StructuredEntry } from '../evidenceEntries';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  entry: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '6px 8px', margin: '0 0 6px', display: 'flex', flexDirection: 'column', gap: '4px' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: '0 4px' },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  none: { color: tokens.colorNeutralForeground3, margin: '2px 0 6px' },
});

export interface EvidenceEditorProps {
  code: string;
  /** The evidence cell as read (or as last entered). */
  value: string;
  onChange: (text: string) => void;
}

export function EvidenceEditor({ code, value, onChange }: EvidenceEditorProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [entries, setEntries] = useState<EvidenceEntry[]>(() => parseEntries(value));
  // Fields left (blurred) at least once: their problems show from then on.
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  // Fields the officer typed into: only those are normalised when left.
  const typed = useRef<Set<string>>(new Set());
  // The field to focus once its error is shown (the first invalid field of a change).
  const focusNext = useRef<string | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const key = focusNext.current;
    if (key === undefined) return;
    focusNext.current = undefined;
    root.current?.querySelector<HTMLElement>(`[data-entry-field="${key}"]`)?.focus();
  });

  const problemsOf = (list: EvidenceEntry[]) => list.map((e) => (e.kind === 'structured' ? entryProblems(e) : {}));
  const problems = problemsOf(entries);
  const valid = (list: EvidenceEntry[]) => problemsOf(list).every((p) => Object.keys(p).length === 0);

  const update = (next: EvidenceEntry[]) => {
    setEntries(next);
    const text = serializeEntries(next);
    // An invalid field is never written: the cell keeps its last valid text.
    if (valid(next) && text !== serializeEntries(entries)) onChange(text);
  };
  const edit = (i: number, patch: Partial<StructuredEntry> | { text: string }) => {
    for (const k of Object.keys(patch)) typed.current.add(`${i}:${k}`);
    update(entries.map((e, j) => (j === i ? ({ ...e, ...patch } as EvidenceEntry) : e)));
  };
  /** A whole citation typed or pasted into the symbol field fills the entry's fields. */
  const editSymbol = (i: number, text: string) => {
    const split = splitPastedCitation(text);
    const current = entries[i] as StructuredEntry;
    if (!split) return edit(i, { symbol: text });
    const merged: StructuredEntry = { ...split, link: split.link || current.link, section: split.section || current.section };
    const date = normalizeDate(merged.date);
    if (date !== undefined) merged.date = date;
    const keys = (['symbol', 'date', 'issuer', 'subject', 'section', 'link'] as const).filter((k) => merged[k] !== '').map((k) => `${i}:${k}`);
    setTouched(new Set([...touched, ...keys]));
    const bad = Object.keys(entryProblems(merged))[0];
    if (bad !== undefined) focusNext.current = `${i}:${bad}`;
    edit(i, merged);
  };
  const remove = (i: number) => {
    // The indices after i shift: forget what was typed rather than normalise the wrong entry.
    typed.current.clear();
    update(entries.filter((_, j) => j !== i));
  };
  const leave = (i: number, field: EntryField | 'issuer' | 'section' | 'subject') => {
    const key = `${i}:${field}`;
    const e = entries[i];
    let next = entries;
    // A date as read stays as written in the cell (20/01/2024); only a typed one is normalised.
    if (field === 'date' && e.kind === 'structured' && typed.current.has(key)) {
      const date = normalizeDate(e.date);
      if (date !== undefined && date !== e.date) {
        next = entries.map((x, j) => (j === i ? { ...e, date } : x));
        update(next);
      }
    }
    const first = !touched.has(key);
    setTouched(new Set([...touched, key]));
    const problem = next[i].kind === 'structured' ? entryProblems(next[i] as StructuredEntry)[field as EntryField] : undefined;
    // The error is announced by the field and the field gets focus back, once.
    if (problem && first) focusNext.current = key;
  };
  const shown = (i: number, field: EntryField) => (touched.has(`${i}:${field}`) ? problems[i]?.[field] : undefined);
  const invalid = (i: number, field: EntryField) => {
    const p = shown(i, field);
    return p ? { validationState: 'error' as const, validationMessage: lang === 'vi' ? p.vi : p.en } : {};
  };

  return (
    <div data-evidence-editor={code} ref={root}>
      {entries.length === 0 && <p className={styles.none}>{t('evidenceNone')}</p>}
      {entries.map((e, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} className={styles.entry} data-entry={n}>
            <legend className={styles.legend}>{t('evidenceEntry', { n })}</legend>
            {e.kind === 'free' ? (
              <Field label={t('evidenceFree')}>
                <Textarea value={e.text} resize="vertical" onChange={(_, d) => edit(i, { text: d.value })} />
              </Field>
            ) : (
              <>
                <Field label={t('evidenceSymbol')} hint={t('evidenceSymbolHint')} {...invalid(i, 'symbol')}>
                  <Input value={e.symbol} data-entry-field={`${i}:symbol`} onChange={(_, d) => editSymbol(i, d.value)} onBlur={() => leave(i, 'symbol')} />
                </Field>
                <Field label={t('evidenceDate')} hint={t('evidenceDateHint')} {...invalid(i, 'date')}>
                  <Input value={e.date} data-entry-field={`${i}:date`} onChange={(_, d) => edit(i, { date: d.value })} onBlur={() => leave(i, 'date')} />
                </Field>
                <Field label={t('evidenceIssuer')}>
                  <Input value={e.issuer} data-entry-field={`${i}:issuer`} onChange={(_, d) => edit(i, { issuer: d.value })} />
                </Field>
                <Field label={t('evidenceSubject')}>
                  <Input value={e.subject} data-entry-field={`${i}:subject`} onChange={(_, d) => edit(i, { subject: d.value })} />
                </Field>
                <Field label={t('evidenceSection')} hint={t('evidenceSectionHint')}>
                  <Input value={e.section} data-entry-field={`${i}:section`} onChange={(_, d) => edit(i, { section: d.value })} />
                </Field>
                <Field label={t('evidenceLink')} {...invalid(i, 'link')}>
                  <Input type="url" value={e.link} data-entry-field={`${i}:link`} onChange={(_, d) => edit(i, { link: d.value })} onBlur={() => leave(i, 'link')} />
                </Field>
              </>
            )}
            <div className={styles.row}>
              {e.kind === 'structured' && e.link.trim() !== '' &&
                (isSafeHttpUrl(e.link.trim()) ? (
                  <Link href={e.link.trim()} target="_blank" rel="noopener noreferrer">
                    {t('evidenceOpen')}
                  </Link>
                ) : (
                  <span role="note">{t('evidenceLinkUnsafe')}</span>
                ))}
              <Button size="small" appearance="subtle" onClick={() => remove(i)}>
                {t('evidenceRemove', { n })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button size="small" onClick={() => setEntries([...entries, emptyEntry()])}>
        {t('evidenceAdd')}
      </Button>
    </div>
  );
}
