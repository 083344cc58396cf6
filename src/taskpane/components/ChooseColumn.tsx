/**
 * An item the sheet seems to lack (no header the add-in knows names it), said where the
 * officer needs it, with "Chọn cột": pick the sheet's column that holds it, among the
 * columns no item uses, and the pane reads and writes it there from then on.
 */
import { useState } from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { COLUMN_LABELS, type ColumnKey } from '../../workbook/columns';
import { columnLetter } from '../../workbook/grid';
import { errorText } from '../bilingual';
import { useI18n } from '../i18n';
import type { SpareColumn } from '../service';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
  inline: { display: 'flex', gap: '6px', alignItems: 'flex-end', flexWrap: 'wrap' },
});

export interface ColumnChoice {
  /** Columns of the table no item uses. */
  spare: readonly SpareColumn[];
  /** Records the choice and reloads the workbook. */
  choose: (key: ColumnKey, column: number) => Promise<void>;
}

export function ChooseColumn({ item, choice }: { item: ColumnKey; choice: ColumnChoice | undefined }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [column, setColumn] = useState<number | undefined>(choice?.spare[0]?.column);
  const [failed, setFailed] = useState<string>();
  const label = COLUMN_LABELS[item][lang];
  if (!choice) return <p className={styles.note}>{t('noColumn')}</p>;
  return (
    <div data-choose-column={item}>
      <p className={styles.note}>{t('noColumnFor', { item: label })}</p>
      {!open ? (
        <Button size="small" onClick={() => setOpen(true)} data-action="choose-column">
          {t('chooseColumn')}
        </Button>
      ) : choice.spare.length === 0 ? (
        <p className={styles.note}>{t('chooseColumnNone', { item: label })}</p>
      ) : (
        <div className={styles.inline}>
          <Field label={t('chooseColumnLabel', { item: label })} validationMessage={failed} validationState={failed ? 'error' : 'none'}>
            <Select value={String(column ?? '')} onChange={(_, d) => setColumn(Number(d.value))}>
              {choice.spare.map((s) => (
                <option key={s.column} value={s.column}>
                  {`${t('columnLabel', { col: columnLetter(s.column) })}${s.header ? `: ${s.header.slice(0, 40)}` : ''}`}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            size="small"
            appearance="primary"
            disabled={column === undefined}
            data-action="use-column"
            onClick={() => {
              if (column === undefined) return;
              choice.choose(item, column).catch((e: unknown) => setFailed(`${t('chooseColumnFailed')}: ${errorText(e, lang)}`));
            }}
          >
            {t('chooseColumnSave')}
          </Button>
        </div>
      )}
    </div>
  );
}
