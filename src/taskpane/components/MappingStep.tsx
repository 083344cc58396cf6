/**
 * When no score table is found: the user picks the sheet, the header row and the column
 * of each item; the choice is saved in the workbook's metadata sheet. Loaded on demand.
 */
import { useMemo, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { message, type Finding } from '../../core/findings';
import { COLUMN_KEYS, COLUMN_LABELS, REQUIRED_COLUMNS, type ColumnKey } from '../../workbook/columns';
import { columnLetter } from '../../workbook/grid';
import { classifyHeader } from '../../workbook/headers';
import { WorkbookError } from '../../workbook/errors';
import type { ColumnMapping } from '../../workbook/read';
import { useI18n } from '../i18n';
import type { SheetPreview } from '../service';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { margin: '4px 0', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface MappingStepProps {
  sheets: SheetPreview[];
  findings: Finding[];
  onSave: (mapping: ColumnMapping) => Promise<void>;
}

export function MappingStep({ sheets, findings, onSave }: MappingStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [sheetName, setSheetName] = useState(sheets[0]?.name ?? '');
  const sheet = sheets.find((s) => s.name === sheetName);
  const [headerRow, setHeaderRow] = useState(0);
  const header = useMemo(() => sheet?.rows[headerRow] ?? [], [sheet, headerRow]);
  const width = Math.max(0, ...(sheet?.rows.map((r) => r.length) ?? [0]));
  const guessed = useMemo(() => {
    const out: Partial<Record<ColumnKey, number>> = {};
    header.forEach((text, c) => {
      const k = classifyHeader(text);
      if (k !== undefined && out[k] === undefined) out[k] = c;
    });
    return out;
  }, [header]);
  const [chosen, setChosen] = useState<Partial<Record<ColumnKey, number>>>({});
  const columns = { ...guessed, ...chosen };
  const [error, setError] = useState<string>();

  const columnName = (c: number) => `${t('columnLabel', { col: columnLetter(c) })}${header[c] ? `: ${header[c].slice(0, 30)}` : ''}`;

  const save = async () => {
    const picked = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined && v >= 0)) as Partial<Record<ColumnKey, number>>;
    try {
      await onSave({ sheet: sheetName, headerRow, columns: picked });
      setError(undefined);
    } catch (e) {
      setError(e instanceof WorkbookError ? (lang === 'vi' ? e.message : e.en) : String((e as Error)?.message ?? e));
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="mapping-title">
      <h2 className={styles.heading} id="mapping-title">{t('mappingTitle')}</h2>
      <p>{t('mappingIntro')}</p>
      {findings.map((f, i) => (
        <MessageBar key={i} intent="warning" layout="multiline"><MessageBarBody>{message(f, lang)}</MessageBarBody></MessageBar>
      ))}
      <Field label={t('mappingSheet')}>
        <Select value={sheetName} onChange={(_, d) => { setSheetName(d.value); setChosen({}); }}>
          {sheets.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
        </Select>
      </Field>
      <Field label={t('mappingHeaderRow')}>
        <Select value={String(headerRow)} onChange={(_, d) => { setHeaderRow(Number(d.value)); setChosen({}); }}>
          {(sheet?.rows ?? []).map((r, i) => (
            <option key={i} value={i}>{`${t('rowLabel', { row: i + 1 })}: ${r.filter(Boolean).join(' | ').slice(0, 60)}`}</option>
          ))}
        </Select>
      </Field>
      {COLUMN_KEYS.map((k) => (
        <Field key={k} label={`${COLUMN_LABELS[k][lang]}${REQUIRED_COLUMNS.includes(k) ? ` (${t('mappingRequired')})` : ''}`} required={REQUIRED_COLUMNS.includes(k)}>
          <Select value={String(columns[k] ?? -1)} onChange={(_, d) => setChosen({ ...chosen, [k]: Number(d.value) })} data-column={k}>
            <option value={-1}>{t('mappingNone')}</option>
            {Array.from({ length: width }, (_, c) => <option key={c} value={c}>{columnName(c)}</option>)}
          </Select>
        </Field>
      ))}
      {error && <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <Button appearance="primary" type="submit">{t('mappingSave')}</Button>
    </form>
  );
}
