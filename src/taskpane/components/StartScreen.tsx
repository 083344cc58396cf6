/**
 * The start screen of a workbook with no score table: in plain words what to do next:
 * create the official form from the bundled criteria set of the officer's level, open
 * the sample, or (for a hand-made sheet) choose the columns. The language switch is here
 * too. Creating the form adds sheets and never replaces a sheet that holds data.
 * Loaded on demand.
 */
import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { UnitLevel } from '../../core/criteria';
import type { Finding } from '../../core/findings';
import type { ColumnMapping } from '../../workbook/read';
import { buildTemplate } from '../../workbook/template';
import { deliver } from '../appraisal/jobs';
import { bundledSetOfLevel } from '../bundledSets';
import { errorText } from '../bilingual';
import { useI18n } from '../i18n';
import type { SheetPreview, WorkbookService } from '../service';
import { LangSwitch } from './LangSwitch';
import { MappingStep } from './MappingStep';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '6px', minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  choices: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '12px' },
  choice: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

/** The sample workbook served next to the pane (webpack copies it to samples/). */
const SAMPLE = 'so-tu-phap-2024.xlsx';
const LEVELS: UnitLevel[] = ['so', 'huyen', 'xa'];

export interface StartScreenProps {
  service: WorkbookService;
  sheets: SheetPreview[];
  findings: Finding[];
  onSaveMapping: (mapping: ColumnMapping) => Promise<void>;
  /** The form was written into the workbook: read it again. */
  onCreated: () => Promise<void>;
  onToggleLang: () => void;
}

type Outcome = { intent: 'error' | 'success'; text: string };

const hasData = (s: SheetPreview) => s.rows.some((r) => r.some((c) => c.trim() !== ''));

export function StartScreen({ service, sheets, findings, onSaveMapping, onCreated, onToggleLang }: StartScreenProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [level, setLevel] = useState<UnitLevel>('so');
  const [unit, setUnit] = useState('');
  const [unitMissing, setUnitMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  // A sheet with data is likely hand-made: its column choice is shown at once.
  const [mapping, setMapping] = useState(() => sheets.some(hasData));
  const failed = (e: unknown) => setOutcome({ intent: 'error', text: errorText(e, lang) });

  const create = async () => {
    const name = unit.trim();
    setUnitMissing(name === '');
    if (name === '') return;
    setBusy(true);
    try {
      const set = await bundledSetOfLevel(level);
      if (!set) throw new Error(t('startNoSet', { level: t(`level_${level}`) }));
      const spec = buildTemplate(set, { name, level });
      const taken = spec.sheets.find((s) => sheets.some((x) => x.name === s.name && hasData(x)));
      if (taken) throw new Error(t('startSheetTaken', { sheet: taken.name }));
      await service.writeSheets(spec.sheets, spec.sheets[0].name);
      await onCreated();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const openSample = async () => {
    setBusy(true);
    try {
      const response = await fetch(`samples/${SAMPLE}`);
      if (!response.ok) throw new Error(t('startSampleFailed', { status: response.status }));
      const how = await deliver(service, new Uint8Array(await response.arrayBuffer()), SAMPLE);
      setOutcome({ intent: 'success', text: t(how === 'opened' ? 'startSampleOpened' : 'startSampleDownloaded', { file: SAMPLE }) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="start-title" data-start>
      <div className={styles.top}>
        <h1 className={styles.title} id="start-title">{t('startTitle')}</h1>
        <LangSwitch onToggle={onToggleLang} />
      </div>
      <p className={styles.text}>{t('startIntro')}</p>
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" data-start-outcome>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <ol className={styles.choices}>
        <li className={styles.choice} data-choice="create">
          <h2 className={styles.heading}>{t('startCreateTitle')}</h2>
          <p className={styles.text}>{t('startCreateText')}</p>
          <Field label={t('level')}>
            <Select value={level} onChange={(_, d) => setLevel(d.value as UnitLevel)}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>{t(`level_${l}`)}</option>
              ))}
            </Select>
          </Field>
          <Field label={t('startUnit')} required validationState={unitMissing ? 'error' : 'none'} validationMessage={unitMissing ? t('startUnitMissing') : undefined}>
            <Input value={unit} placeholder={t('startUnitExample')} onChange={(_, d) => setUnit(d.value)} />
          </Field>
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void create()} data-action="create-form">{t('startCreate')}</Button>
          </div>
        </li>
        <li className={styles.choice} data-choice="sample">
          <h2 className={styles.heading}>{t('startSampleTitle')}</h2>
          <p className={styles.text}>{t('startSampleText')}</p>
          <div>
            <Button disabled={busy} onClick={() => void openSample()} data-action="open-sample">{t('startSample')}</Button>
          </div>
        </li>
        <li className={styles.choice} data-choice="mapping">
          <h2 className={styles.heading}>{t('startMapTitle')}</h2>
          <p className={styles.text}>{t('startMapText')}</p>
          {!mapping && (
            <div>
              <Button onClick={() => setMapping(true)} data-action="show-mapping">{t('startMap')}</Button>
            </div>
          )}
        </li>
      </ol>
      {mapping && <MappingStep sheets={sheets} findings={findings} onSave={onSaveMapping} />}
    </section>
  );
}
