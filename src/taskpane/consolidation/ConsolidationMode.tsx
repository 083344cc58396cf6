/**
 * "Tổng hợp" (for Sở Nội vụ): many unit workbooks in, the summary sheets out. The reference
 * is chosen by name (the bundled sets by default, sets loaded before, or the open master
 * template); the files are parsed in a Web Worker (the pane stays responsive) that
 * reports "Tệp n/N" and is terminated by Hủy; the sheets are written into the open
 * workbook in one action and the result is shown here (see Results).
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { CriteriaSet } from '../../core/criteria';
import type { ConsolidateRequest, FileInput, WorkerMessage } from '../../worker/protocol';
import { pick } from '../bilingual';
import { useI18n } from '../i18n';
import type { SkippedSetting, WorkbookService } from '../service';
import { BUNDLED_UNITS, LEVEL_NAMES, references, storeSets, type Reference } from './references';
import { Results } from './Results';
import AppraisalForFiles from '../appraisal/ForFiles';
import type { ConsolidationWorker, StartWorker } from './worker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  drop: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '10px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  },
  dropActive: { backgroundColor: tokens.colorNeutralBackground2 },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  file: { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: tokens.fontSizeBase300 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface ConsolidationModeProps {
  service: WorkbookService;
  /** The criteria of the open workbook, only when it is a master template. */
  openSet?: CriteriaSet;
  today: string;
  onClose: () => void;
  /** Tests pass a fake; the pane loads the real worker when a run starts. */
  startWorker?: StartWorker;
}

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; n: number; total: number; name: string }
  | { kind: 'writing' }
  | { kind: 'done'; output: Extract<WorkerMessage, { type: 'done' }>; skipped: SkippedSetting[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; vi: string; en: string };

const isXlsx = (f: File) => /\.xlsx$/i.test(f.name) && !f.name.startsWith('~$');

const inputOf = (f: File): FileInput => ({ name: f.name, data: f });


export function ConsolidationMode({ service, openSet, today, onClose, startWorker }: ConsolidationModeProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const choices = references(openSet);
  const [refKey, setRefKey] = useState<string>('bundled');
  const [criteriaFiles, setCriteriaFiles] = useState<File[]>([]);
  const [bundledUnits, setBundledUnits] = useState(true);
  const [unitsFile, setUnitsFile] = useState<File>();
  const [baselineFile, setBaselineFile] = useState<File>();
  const [allowOther, setAllowOther] = useState(false);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [problem, setProblem] = useState<string>();
  const worker = useRef<ConsolidationWorker>();

  useEffect(() => () => worker.current?.terminate(), []);

  const addFiles = (list: FileList | null) => {
    const chosen = [...(list ?? [])].filter(isXlsx);
    // The same file chosen twice is read once; two files of one unit are still both read.
    setFiles((old) => [...old, ...chosen.filter((f) => !old.some((o) => o.name === f.name && o.size === f.size))]);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    addFiles(e.dataTransfer.files);
  };

  const stop = () => {
    worker.current?.terminate();
    worker.current = undefined;
  };

  const finish = async (output: Extract<WorkerMessage, { type: 'done' }>, loaded: string | undefined) => {
    setRun({ kind: 'writing' });
    try {
      const skipped = await service.writeSheets(output.sheets, output.sheets[0]?.name);
      // Sets loaded from files are kept, with their source, for the next consolidation.
      if (loaded !== undefined) storeSets(output.report.sets, loaded, today);
      setRun({ kind: 'done', output, skipped });
    } catch (e) {
      const err = e as { vi?: string; en?: string; message?: string };
      setRun({ kind: 'failed', vi: err.vi ?? err.message ?? String(e), en: err.en ?? err.message ?? String(e) });
    }
  };

  const start = async () => {
    setProblem(undefined);
    if (files.length === 0) return setProblem(t('consNoFiles'));
    const chosen = choices.find((c) => c.key === refKey);
    if (refKey === 'file' ? criteriaFiles.length === 0 : !chosen) return setProblem(t('consNoCriteria'));
    let request: ConsolidateRequest;
    let begin: StartWorker;
    try {
      request = {
        files: files.map((f) => ({ name: f.name, data: f })),
        criteria: chosen && refKey !== 'file' ? { kind: 'sets', sets: chosen.sets } : { kind: 'files', files: criteriaFiles.map(inputOf) },
        ...(unitsFile ? { units: inputOf(unitsFile) } : bundledUnits ? { units: { name: BUNDLED_UNITS.name, data: new Blob([JSON.stringify(BUNDLED_UNITS.units)]) } } : {}),
        ...(baselineFile ? { baseline: inputOf(baselineFile) } : {}),
        allowOtherVersions: allowOther,
        today,
        lang,
      };
      begin = startWorker ?? (await import('./startWorker')).startConsolidationWorker;
    } catch (e) {
      // A small input file that cannot be read, or the worker's chunk that cannot load.
      return setRun({ kind: 'failed', vi: String(e), en: String(e) });
    }
    const w = begin();
    worker.current = w;
    setRun({ kind: 'running', n: 0, total: files.length, name: '' });
    w.onmessage = ({ data }) => {
      if (worker.current !== w) return; // cancelled meanwhile
      if (data.type === 'progress') setRun({ kind: 'running', n: data.n, total: data.total, name: data.name });
      else {
        stop();
        if (data.type === 'done') void finish(data, refKey === 'file' ? criteriaFiles.map((f) => f.name).join(', ') : undefined);
        else setRun({ kind: 'failed', ...data.error });
      }
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      stop();
      setRun({ kind: 'failed', vi: e.message ?? '', en: e.message ?? '' });
    };
    w.postMessage(request);
  };

  const cancel = () => {
    stop();
    setRun({ kind: 'cancelled' });
  };

  const busy = run.kind === 'running' || run.kind === 'writing';
  const fileInput = (label: string, accept: string, onPick: (f: FileList | null) => void, multiple = false) => (
    <label className={styles.file}>
      {label}
      <input type="file" accept={accept} multiple={multiple} disabled={busy} onChange={(e) => onPick(e.currentTarget.files)} />
    </label>
  );

  return (
    <section className={styles.root} aria-labelledby="cons-title" data-mode="consolidate">
      <div className={styles.row}>
        <Button size="small" onClick={onClose} disabled={busy}>{t('modeBack')}</Button>
      </div>
      <Title3 as="h2" id="cons-title" className={styles.title}>{t('consTitle')}</Title3>
      <p className={styles.note}>{t('consIntro')}</p>

      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-drop
      >
        {fileInput(t('consFiles'), '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', addFiles, true)}
        <p className={styles.note}>{t('consDrop')}</p>
        {files.length > 0 && (
          <>
            <p className={styles.note} data-chosen>{t('consChosen', { n: files.length })}</p>
            <ul className={styles.list}>
              {files.map((f) => (
                <li key={`${f.name}:${f.size}`}>{f.name}</li>
              ))}
            </ul>
            <div className={styles.row}>
              <Button size="small" disabled={busy} onClick={() => setFiles([])}>{t('consClear')}</Button>
            </div>
          </>
        )}
      </div>

      <Field label={t('consCriteria')}>
        <RadioGroup value={refKey} onChange={(_, d) => setRefKey(d.value)} disabled={busy}>
          {choices.map((c) => (
            <Radio key={c.key} value={c.key} label={<ReferenceLabel reference={c} />} />
          ))}
          <Radio value="file" label={t('consRefFile')} />
        </RadioGroup>
      </Field>
      {refKey === 'file' && fileInput(t('consRefFile'), '.json,.xlsx,application/json', (l) => setCriteriaFiles([...(l ?? [])]), true)}
      <Checkbox
        checked={bundledUnits && !unitsFile}
        disabled={busy || unitsFile !== undefined}
        onChange={(_, d) => setBundledUnits(d.checked === true)}
        label={t('consUnitsBundled', { name: BUNDLED_UNITS.name, n: BUNDLED_UNITS.units.length })}
      />
      {fileInput(t('consUnits'), '.json,application/json', (l) => setUnitsFile(l?.[0]))}
      {fileInput(t('consBaseline'), '.xlsx,.csv,.json,text/csv,application/json', (l) => setBaselineFile(l?.[0]))}
      <Checkbox checked={allowOther} disabled={busy} onChange={(_, d) => setAllowOther(d.checked === true)} label={t('consAllowVersions')} />

      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void start()} data-action="consolidate">{t('consStart')}</Button>
        {run.kind === 'running' && <Button onClick={cancel} data-action="cancel">{t('consCancel')}</Button>}
      </div>
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}

      {run.kind === 'running' && (
        <Field label={run.n > 0 ? t('consProgress', { n: run.n, total: run.total, name: run.name }) : t('consChosen', { n: run.total })} data-progress>
          <ProgressBar value={run.total > 0 ? run.n / run.total : 0} />
        </Field>
      )}
      <p role="status" className={styles.note}>
        {run.kind === 'running' && run.n > 0 ? t('consProgress', { n: run.n, total: run.total, name: run.name }) : ''}
        {run.kind === 'writing' ? t('consWriting') : ''}
        {run.kind === 'cancelled' ? t('consCancelled') : ''}
      </p>
      {run.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t('consFailed')}: {pick(lang, run)}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.kind === 'done' && <Results output={run.output} skipped={run.skipped} service={service} />}
      <AppraisalForFiles files={files} service={service} />
    </section>
  );
}

/** A reference by name: its title, then id, version, levels and whether it is a sample. */
function ReferenceLabel({ reference }: { reference: Reference }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const title = reference.key === 'bundled' ? t('consRefBundled') : reference.origin === 'open' ? `${t('consRefOpen')}: ${reference.sets[0].title}` : reference.sets[0].title;
  return (
    <span className={styles.file}>
      <span>{title}</span>
      {reference.sets.map((s) => (
        <span key={`${s.id}@${s.version}`} className={styles.note}>
          {t('consRefDetail', { id: s.id, version: s.version, levels: s.levels.map((l) => pick(lang, LEVEL_NAMES[l])).join(', ') })}
          {s.sample ? ` - ${t('consRefSample')}` : ''}
        </span>
      ))}
      {reference.origin === 'stored' && <span className={styles.note}>{t('consRefStored', { date: reference.loadedAt ?? '', source: reference.source ?? '' })}</span>}
    </span>
  );
}
