/**
 * "Tổng hợp" (for Sở Nội vụ): many unit workbooks in, the summary sheets out. The files
 * are parsed in a Web Worker (the pane stays responsive) that reports "Tệp n/N" and is
 * terminated by Hủy; the sheets are written into the open workbook in one action.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { CriteriaSet } from '../../core/criteria';
import type { Lang } from '../../core/format';
import type { ConsolidateReport, ConsolidateRequest, FileInput, WorkerMessage } from '../../worker/protocol';
import { useI18n } from '../i18n';
import type { SkippedSetting, WorkbookService } from '../service';
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
  /** The criteria of the open workbook, when it has a score table. */
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
  | { kind: 'done'; report: ConsolidateReport; sheets: string[]; skipped: SkippedSetting[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; vi: string; en: string };

const isXlsx = (f: File) => /\.xlsx$/i.test(f.name) && !f.name.startsWith('~$');

const inputOf = (f: File): FileInput => ({ name: f.name, data: f });

const pick = (lang: Lang, t: { vi: string; en: string }) => (lang === 'vi' ? t.vi : t.en);

export function ConsolidationMode({ service, openSet, today, onClose, startWorker }: ConsolidationModeProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [source, setSource] = useState<'open' | 'json'>(openSet ? 'open' : 'json');
  const [criteriaFiles, setCriteriaFiles] = useState<File[]>([]);
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

  const finish = async (sheets: Extract<WorkerMessage, { type: 'done' }>['sheets'], report: ConsolidateReport) => {
    setRun({ kind: 'writing' });
    try {
      const skipped = await service.writeSheets(sheets, sheets[0]?.name);
      setRun({ kind: 'done', report, sheets: sheets.map((s) => s.name), skipped });
    } catch (e) {
      const err = e as { vi?: string; en?: string; message?: string };
      setRun({ kind: 'failed', vi: err.vi ?? err.message ?? String(e), en: err.en ?? err.message ?? String(e) });
    }
  };

  const start = async () => {
    setProblem(undefined);
    if (files.length === 0) return setProblem(t('consNoFiles'));
    if ((source === 'open' && !openSet) || (source === 'json' && criteriaFiles.length === 0)) return setProblem(t('consNoCriteria'));
    let request: ConsolidateRequest;
    let begin: StartWorker;
    try {
      request = {
        files: files.map((f) => ({ name: f.name, data: f })),
        criteria: source === 'open' && openSet ? { kind: 'sets', sets: [openSet] } : { kind: 'files', files: criteriaFiles.map(inputOf) },
        ...(unitsFile ? { units: inputOf(unitsFile) } : {}),
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
        if (data.type === 'done') void finish(data.sheets, data.report);
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
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as 'open' | 'json')}>
          <Radio value="open" label={t('consCriteriaOpen')} disabled={!openSet || busy} />
          <Radio value="json" label={t('consCriteriaFile')} disabled={busy} />
        </RadioGroup>
      </Field>
      {source === 'json' && fileInput(t('consCriteriaFile'), '.json,application/json', (l) => setCriteriaFiles([...(l ?? [])]), true)}
      {fileInput(t('consUnits'), '.json,application/json', (l) => setUnitsFile(l?.[0]))}
      {fileInput(t('consBaseline'), '.csv,.json,text/csv,application/json', (l) => setBaselineFile(l?.[0]))}
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
      {run.kind === 'done' && <Results report={run.report} sheets={run.sheets} skipped={run.skipped} />}
    </section>
  );
}

function Results({ report, sheets, skipped }: { report: ConsolidateReport; sheets: string[]; skipped: SkippedSetting[] }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root} data-results>
      <MessageBar intent={report.rejected.length + report.duplicates.length + report.missing.length > 0 ? 'warning' : 'success'}>
        <MessageBarBody>
          {t('consDone', { sheets: sheets.join(', ') })} {t('consRanked', { n: report.ranked })}
        </MessageBarBody>
      </MessageBar>
      {skipped.length > 0 && (
        <ul className={styles.list}>
          {skipped.map((s, i) => (
            <li key={i}>{pick(lang, s)}</li>
          ))}
        </ul>
      )}
      {report.rejected.length > 0 && (
        <section data-rejected>
          <h3 className={styles.heading}>{t('consRejected', { n: report.rejected.length })}</h3>
          <ul className={styles.list}>
            {report.rejected.map((r) => (
              <li key={r.file}>
                <strong>{r.file}</strong>
                <ul className={styles.list}>
                  {r.reasons.map((x, i) => (
                    <li key={i}>{pick(lang, x)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.duplicates.length > 0 && (
        <section data-duplicates>
          <h3 className={styles.heading}>{t('consDuplicates', { n: report.duplicates.length })}</h3>
          <ul className={styles.list}>
            {report.duplicates.map((d) => (
              <li key={d.unit}>
                {d.unit}: {d.files.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.missing.length > 0 && (
        <section data-missing>
          <h3 className={styles.heading}>{t('consMissing', { n: report.missing.length })}</h3>
          <ul className={styles.list}>
            {report.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}
      {report.inputProblems.length > 0 && (
        <ul className={styles.list}>
          {report.inputProblems.map((p, i) => (
            <li key={i}>{pick(lang, p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
