/**
 * Evidence as a list of documents, each with number and symbol, date, issuer, section
 * and link; several per criterion. Every edit rewrites the cell as readable text.
 */
import { useState } from 'react';
import { Button, Field, Input, Link, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { isSafeHttpUrl } from '../../core/links';
import { emptyEntry, parseEntries, serializeEntries, type EvidenceEntry, type StructuredEntry } from '../evidenceEntries';
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
  const { t } = useI18n();
  const styles = useStyles();
  const [entries, setEntries] = useState<EvidenceEntry[]>(() => parseEntries(value));

  const update = (next: EvidenceEntry[]) => {
    setEntries(next);
    const text = serializeEntries(next);
    if (text !== serializeEntries(entries)) onChange(text);
  };
  const edit = (i: number, patch: Partial<StructuredEntry> | { text: string }) =>
    update(entries.map((e, j) => (j === i ? ({ ...e, ...patch } as EvidenceEntry) : e)));

  return (
    <div data-evidence-editor={code}>
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
                <Field label={t('evidenceSymbol')} hint={t('evidenceSymbolHint')}>
                  <Input value={e.symbol} onChange={(_, d) => edit(i, { symbol: d.value })} />
                </Field>
                <Field label={t('evidenceDate')} hint={t('evidenceDateHint')}>
                  <Input value={e.date} inputMode="numeric" onChange={(_, d) => edit(i, { date: d.value })} />
                </Field>
                <Field label={t('evidenceIssuer')}>
                  <Input value={e.issuer} onChange={(_, d) => edit(i, { issuer: d.value })} />
                </Field>
                <Field label={t('evidenceSection')} hint={t('evidenceSectionHint')}>
                  <Input value={e.section} onChange={(_, d) => edit(i, { section: d.value })} />
                </Field>
                <Field label={t('evidenceLink')}>
                  <Input type="url" value={e.link} onChange={(_, d) => edit(i, { link: d.value })} />
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
              <Button size="small" appearance="subtle" onClick={() => update(entries.filter((_, j) => j !== i))}>
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
