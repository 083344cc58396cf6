/**
 * "Đối chiếu sổ văn bản" (issue 16): the officer (or the appraiser) picks the unit's
 * register of outgoing documents; it is read in the pane (registerFile.ts) and the open
 * sheet's evidence is checked against it: the counts, the findings (each leads to its
 * cell), the register rows that could not be read, and for criteria without evidence the
 * register's fitting documents, cited in one click through the pane's write path (so
 * "Hoàn tác" and the save state cover it). A cell that holds text is never overwritten
 * without asking. Loaded on demand (default export, for React.lazy).
 */
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Button, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { message, type Finding } from '../../core/findings';
import type { RegisterSuggestion } from '../../core/register';
import type { AnswerChange } from '../../workbook/answers';
import type { UnitReading } from '../../workbook/read';
import { useI18n } from '../i18n';
import type { ShownModel } from '../state';
import { readRegisterFile, type Bilingual, type StartRegisterWorker } from './registerFile';
import { citeChange, evidenceText, keepRegister, registerView, type CiteMode, type KeptRegister } from './registerModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  title: { margin: '4px 0 0', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: '10px 0 2px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  file: { maxWidth: '100%', fontSize: tokens.fontSizeBase200 },
  summary: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: '8px', rowGap: '2px', margin: 0, fontSize: tokens.fontSizeBase200, '& dd': { margin: 0, textAlign: 'right', fontWeight: tokens.fontWeightSemibold } },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '6px', fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  suggestion: { display: 'flex', flexDirection: 'column', gap: '4px', alignItems: 'flex-start', margin: '2px 0' },
  confirm: { border: `1px solid ${tokens.colorPaletteDarkOrangeBorder1}`, borderRadius: tokens.borderRadiusMedium, padding: '6px', display: 'flex', flexDirection: 'column', gap: '6px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

export interface RegisterViewProps {
  /** The pane's model, checked against the chosen register (`model.register`) by the pane. */
  model: ShownModel;
  /** A register was read: the pane keeps it (while the view is closed too) and checks every reading against it. */
  onRegister: (kept: KeptRegister) => void;
  /** Selects a finding's cell in the sheet. */
  onGo: (f: Finding) => void;
  /** Writes a criterion's evidence through the pane's write path (one batch, undoable, save state). */
  onCite: (change: AnswerChange) => void;
  /**
   * Reads the sheet afresh (the pane's own reload, so its undo knows the cell as it is) before
   * a cell is written: text typed in Excel since the last read is seen. Undefined when unreadable.
   */
  readSheet: () => Promise<UnitReading | undefined>;
  /** Tests pass a fake; the pane loads the real worker when an .xlsx is chosen. */
  startWorker?: () => Promise<StartRegisterWorker>;
}

type Load = { kind: 'idle' } | { kind: 'reading'; file: string } | { kind: 'failed'; error: Bilingual };

const realWorker = async (): Promise<StartRegisterWorker> => (await import('./startRegisterWorker')).startRegisterWorker;

/** A suggestion whose cell holds text: the officer chooses before anything is written. */
interface Pending {
  code: string;
  cell: string;
  suggestion: RegisterSuggestion;
  text: string;
}

export default function RegisterView({ model, onRegister, onGo, onCite, readSheet, startWorker = realWorker }: RegisterViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const id = useId();
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [pending, setPending] = useState<Pending>();
  const [cited, setCited] = useState<string>();
  // A citation being checked against the sheet as it is now: the buttons wait.
  const [checking, setChecking] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const confirmFirst = useRef<HTMLButtonElement>(null);
  // The register the pane keeps (and checks every reading against, for its findings).
  const register = model.register?.kept;
  // A register the check cannot take must not take the pane down with it: it is said here.
  const checked = useMemo(() => {
    if (!register) return undefined;
    try {
      return { view: registerView(model, register) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [model, register]);
  const view = checked?.view;
  const pick = (b: Bilingual) => (lang === 'vi' ? b.vi : b.en);

  useEffect(() => {
    if (pending) confirmFirst.current?.focus();
  }, [pending]);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setLoad({ kind: 'reading', file: file.name });
    setPending(undefined);
    setCited(undefined);
    const result = await readRegisterFile(file, startWorker);
    // The same file chosen again (after the export was corrected) reads anew.
    input.value = '';
    if (!result.ok) {
      setLoad({ kind: 'failed', error: result.error });
      return;
    }
    onRegister(keepRegister(file.name, result.reading));
    setLoad({ kind: 'idle' });
  };

  const write = (p: Pending, mode: CiteMode) => {
    setPending(undefined);
    onCite(citeChange(p.code, p.text, p.suggestion.citation, mode));
    setCited(t('regCitedStatus', { symbol: p.suggestion.entry.symbol, cell: p.cell, code: p.code }));
    // The suggestion leaves the list once the cell holds it: focus goes to what happened.
    status.current?.focus();
  };
  /** Never over text: the pane's (typed answers included), then the sheet's as read now. */
  const cite = async (code: string, cell: string, suggestion: RegisterSuggestion) => {
    let text = evidenceText(model.reading, code);
    if (text === '') {
      setChecking(true);
      try {
        const now = await readSheet();
        if (now) text = evidenceText(now, code);
      } finally {
        setChecking(false);
      }
    }
    if (text === '') write({ code, cell, suggestion, text }, 'blank');
    else setPending({ code, cell, suggestion, text });
  };

  let statusText = cited ?? '';
  if (load.kind === 'reading') statusText = t('regReading', { file: load.file });
  else if (!cited && register) statusText = t('regRead', { file: register.file, n: register.reading.entries.length, sheets: register.reading.sheets.map((s) => s.name).join(', ') });

  return (
    <section className={styles.root} aria-labelledby={`${id}-title`} data-register>
      <h2 className={styles.title} id={`${id}-title`}>{t('regTitle')}</h2>
      <p className={styles.note}>{t('regIntro')}</p>
      <label htmlFor={`${id}-file`}>{t('regFileLabel')}</label>
      <input
        id={`${id}-file`}
        className={styles.file}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${id}-help`}
        disabled={load.kind === 'reading'}
        onChange={(e) => void choose(e)}
        data-register-file
      />
      <p className={styles.note} id={`${id}-help`}>{t('regFileHelp')}</p>
      <div role="status" tabIndex={-1} ref={status} className={styles.note} data-register-status>
        {statusText}
      </div>
      {load.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" data-register-error>
          <MessageBarBody>
            {t('regReadFailed')}: {pick(load.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {checked?.error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-register-error>
          <MessageBarBody>{t('regCheckFailed', { file: register?.file ?? '', reason: checked.error })}</MessageBarBody>
        </MessageBar>
      )}
      {view && (
        <>
          <h3 className={styles.heading}>{t('regSummaryTitle')}</h3>
          <dl className={styles.summary} data-register-summary>
            <Count label={t('regCited')} n={view.check.summary.cited} name="cited" />
            <Count label={t('regFound')} n={view.check.summary.found} name="found" />
            <Count label={t('regDateDiffers')} n={view.check.summary.dateDiffers} name="dateDiffers" />
            <Count label={t('regNotFound')} n={view.check.summary.notFound} name="notFound" />
            {view.check.summary.kindMismatch > 0 && <Count label={t('regKindMismatch')} n={view.check.summary.kindMismatch} name="kindMismatch" />}
            {view.check.summary.unrelated > 0 && <Count label={t('regUnrelated')} n={view.check.summary.unrelated} name="unrelated" />}
          </dl>
          <p className={styles.note} data-register-issuer>
            {view.check.summary.issuer === null ? t('regNoIssuer') : t('regIssuer', { issuer: view.check.summary.issuer })}
            {view.check.summary.otherIssuers > 0 ? ` ${t('regOthers', { n: view.check.summary.otherIssuers })}` : ''}
          </p>

          <h3 className={styles.heading}>{t('regFindingsTitle', { n: view.sheetFindings.length })}</h3>
          {view.sheetFindings.length === 0 ? (
            <p className={styles.note}>{t('regNoFindings')}</p>
          ) : (
            <ul className={styles.list} data-register-findings>
              {view.sheetFindings.map((f, i) => (
                <li key={`${f.code}-${f.criterion ?? ''}-${i}`} className={styles[f.severity]} data-finding={f.code} data-criterion={f.criterion}>
                  <strong>{t(`severity_${f.severity}`)}:</strong> {message(f, lang)}{' '}
                  <Link as="button" onClick={() => onGo(f)}>
                    {t('regGoTo', { code: f.criterion ?? '', cell: f.cell ?? '' })}
                  </Link>
                </li>
              ))}
            </ul>
          )}

          <h3 className={styles.heading}>{t('regSuggestTitle', { n: view.suggestions.length })}</h3>
          {/* Outside the list: once the sheet is read afresh the criterion may have left it. */}
          {pending && (
            <div role="group" aria-labelledby={`${id}-confirm`} className={styles.confirm} data-cite-confirm={pending.code}>
              <p id={`${id}-confirm`} className={styles.note}>
                {t('regConfirm', { symbol: pending.suggestion.entry.symbol, cell: pending.cell, code: pending.code, text: pending.text })}
              </p>
              <div className={styles.row}>
                <Button size="small" appearance="primary" ref={confirmFirst} onClick={() => write(pending, 'append')}>{t('regAppend')}</Button>
                <Button size="small" onClick={() => write(pending, 'replace')}>{t('regReplace')}</Button>
                <Button
                  size="small"
                  onClick={() => {
                    setPending(undefined);
                    status.current?.focus();
                  }}
                >
                  {t('regCancel')}
                </Button>
              </div>
            </div>
          )}
          {view.suggestions.length === 0 ? (
            <p className={styles.note}>{t('regNoSuggestions')}</p>
          ) : (
            <ul className={styles.list} data-register-suggestions>
              {view.suggestions.map((s) => (
                <li key={s.code} data-suggest={s.code}>
                  <strong>{s.code}</strong> {s.name}
                  {s.entries.map((entry) => (
                    <div key={`${entry.entry.sheet}:${entry.entry.row}`} className={styles.suggestion}>
                      <span>{t('regSuggestion', { citation: entry.citation })}</span>
                      {/* Why it is offered: the words of its summary that fit the criterion. */}
                      <span className={styles.note} data-matched>{t('regMatched', { words: entry.matched.join(', ') })}</span>
                      {s.cell !== undefined ? (
                        <Button size="small" aria-label={t('regCiteLabel', { symbol: entry.entry.symbol, code: s.code })} disabledFocusable={checking} onClick={() => void cite(s.code, s.cell as string, entry)} data-cite={entry.entry.symbol}>
                          {t('regCite')}
                        </Button>
                      ) : (
                        <span className={styles.note}>{t('regNoEvidenceColumn')}</span>
                      )}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}

          {view.registerFindings.length > 0 && (
            <>
              <h3 className={styles.heading}>{t('regProblemsTitle', { n: view.registerFindings.length })}</h3>
              <ul className={styles.list} data-register-problems>
                {view.registerFindings.map((f, i) => (
                  <li key={`${f.sheet ?? ''}-${f.row ?? i}-${i}`} data-finding={f.code}>{message(f, lang)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Count({ label, n, name }: { label: string; n: number; name: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-count={name}>{n}</dd>
    </>
  );
}
