/**
 * The pane: reads the workbook through a WorkbookService, shows the tree, the card, the
 * findings and the targets, writes answers as they are entered (debounced, one batch
 * per flush), can undo its own last write, and re-reads when the sheet is edited
 * directly. State lives in a pure reducer (state.ts), effects in small hooks (hooks.ts).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { Button, FluentProvider, Input, MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { localToday } from '../core/clock';
import type { Finding } from '../core/findings';
import type { AnswerChange } from '../workbook/answers';
import type { ColumnKey } from '../workbook/columns';
import type { ColumnMapping, UnitReading } from '../workbook/read';
import { CriteriaTree } from './components/CriteriaTree';
import { CriterionCard } from './components/CriterionCard';
import { Header } from './components/Header';
import { errorText } from './bilingual';
import { PaneSkeleton } from './components/PaneSkeleton';
import { SaveStatus } from './components/SaveStatus';
import { useAnnounceChange, useAnswerQueue, useExternalReload, usePageColours, useSheetSelection } from './hooks';
import { I18nContext, langOfDisplay, makeI18n, type Lang } from './i18n';
import { ancestorsOf, applyChanges, cellsOf, codeAtRow, mergeChanges, nextProblem, nextTodo, search, targetGap } from './model';
import type { FlushOutcome } from './queue';
import { PrintAction, type PrintOutcome } from './print/PrintAction';
import type { WorkbookService } from './service';
import { isMasterTemplate } from './consolidation/master';
import { withAppraisalLog } from './appraisal/loggedService';
import { initialState, paneModel, paneReducer, restoreOf, type PaneTab, type RegisterShown, type UndoEntry } from './state';
import { useTheme } from './theme';
// Views the first paint does not need: each its own chunk (views.tsx).
import { AppraisalView, ConsolidationMode, FindingsSummary, HelpView, LazyView, RegisterView, StartScreen, TargetsView, preloadTabViews } from './views';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '10px', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box', minHeight: '100vh', overflowWrap: 'anywhere' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center', minWidth: 0 },
  search: { flexGrow: 1, minWidth: '120px' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Four tabs do not fit 320 px on one line in every language: they wrap.
  tabs: { flexWrap: 'wrap', minWidth: 0 },
});

export interface AppProps {
  service: WorkbookService;
  /** Debounce of answer writes, ms. */
  writeDelayMs?: number;
  /** Debounce of re-reads after sheet edits, ms. */
  reloadDelayMs?: number;
  /** The language to start in; by default Office's display language decides (English for 'en-*'). */
  initialLang?: Lang;
}

/** What the findings tab says of the chosen register: how many findings are its, or that its check failed. */
function registerNote(shown: RegisterShown | undefined, t: ReturnType<typeof makeI18n>['t']): string | undefined {
  if (!shown) return undefined;
  return shown.sheetFindings ? t('regInFindings', { file: shown.kept.file, n: shown.sheetFindings.length }) : t('regNotInFindings', { file: shown.kept.file });
}

/** Local wall-clock time as "14:58". */
function clock(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(now.getHours())}:${p(now.getMinutes())}`;
}

export function App({ service: host, writeDelayMs = 400, reloadDelayMs = 300, initialLang }: AppProps) {
  const styles = useStyles();
  // Changes to the appraisal columns are logged in the workbook (appraisal/loggedService.ts).
  const service = useMemo(() => withAppraisalLog(host), [host]);
  const [state, dispatch] = useReducer(paneReducer, initialLang, initialState);
  // The user's switch wins; until then Office's display language, read on each render
  // because Office may report it only once initialised.
  const lang = state.lang ?? langOfDisplay(service.displayLanguage());
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const themeKind = service.theme();
  const dark = themeKind === 'dark';
  // The dark theme is fetched only in a dark Office (index.tsx has it before the first paint).
  const theme = useTheme(themeKind);
  usePageColours(theme.colorNeutralBackground1, dark);
  const announce = useCallback((text: string) => dispatch({ type: 'announce', text }), []);

  // The reading as the sheet holds it: the last load, plus the batches written since.
  const sheet = useRef<UnitReading | undefined>(undefined);
  // The pane's own last write, read by "Hoàn tác" after pending answers are flushed.
  const lastWrite = useRef<UndoEntry | undefined>(undefined);

  const load = useCallback(
    async (refresh = false) => {
      try {
        const result = await service.load();
        sheet.current = result.ok ? result.reading : undefined;
        dispatch({ type: 'loaded', result, refresh });
      } catch (error) {
        dispatch({ type: 'loadFailed', error });
      }
    },
    [service],
  );

  const flushed = (outcome: FlushOutcome) => {
    if (outcome.error !== undefined) {
      dispatch({ type: 'writeFailed', changes: outcome.changes, error: outcome.error });
      return;
    }
    const batch = mergeChanges(outcome.changes);
    const before = sheet.current;
    const undo: UndoEntry = before ? { restore: restoreOf(before, batch), cells: cellsOf(before, batch) } : { restore: [], cells: [] };
    if (before) sheet.current = applyChanges(before, batch);
    lastWrite.current = undo;
    dispatch({ type: 'written', changes: outcome.changes, undo, at: clock() });
    // Re-read so the pane shows what the sheet now holds (sums, formats).
    void load();
  };
  const queue = useAnswerQueue(service, writeDelayMs, flushed);

  useEffect(() => {
    void load();
  }, [load]);
  useExternalReload(service, reloadDelayMs, () => void load(true));

  // With a register chosen, every reading shown is checked against it again (in memory).
  const model = useMemo(() => paneModel(state.result, state.overlay, state.register), [state.result, state.overlay, state.register]);
  const shown = model !== undefined;
  useEffect(() => (shown ? preloadTabViews() : undefined), [shown]);
  const modelRef = useRef(model);
  modelRef.current = model;
  const reveal = (code: string, tab?: PaneTab) => {
    const m = modelRef.current;
    if (m) dispatch({ type: 'reveal', code, ancestors: ancestorsOf(m, code), ...(tab ? { tab } : {}) });
  };
  // Selecting a cell in the sheet selects its criterion here.
  useSheetSelection(service, (sel) => {
    const m = modelRef.current;
    if (!m || sel.sheet !== m.reading.sheet) return;
    const code = codeAtRow(m.reading, sel.row);
    if (code !== undefined) reveal(code);
  });
  // Live announcement of validation results when the counts change.
  useAnnounceChange(
    model ? `${model.progress.errors}/${model.progress.warnings}` : undefined,
    () => {
      const errors = model?.progress.errors ?? 0;
      const warnings = model?.progress.warnings ?? 0;
      return t('validated', { errors, warnings, errorsText: t('errorsCount', { n: errors }), warningsText: t('warningsCount', { n: warnings }) });
    },
    announce,
  );

  const change = (c: AnswerChange) => {
    dispatch({ type: 'edited', change: c });
    queue.add(c);
  };
  const retry = (changes: AnswerChange[]) => changes.forEach((c) => queue.add(c));
  const undo = async () => {
    await queue.flush();
    const entry = lastWrite.current;
    if (!entry || entry.restore.length === 0) return;
    try {
      await service.write(entry.restore);
      lastWrite.current = undefined;
      if (sheet.current) sheet.current = applyChanges(sheet.current, entry.restore);
      await load(true);
      dispatch({ type: 'undone', at: clock(), cells: entry.cells });
      announce(t('undone', { cells: entry.cells.join(', ') }));
    } catch (error) {
      dispatch({ type: 'hostFailed', error });
    }
  };

  const choose = (code: string) => {
    reveal(code, 'criteria');
    void service.select(code, 'selfScore').catch((error: unknown) => dispatch({ type: 'hostFailed', error }));
  };
  const goToFinding = (f: Finding, stay = false) => {
    if (f.criterion === undefined) {
      if (f.sheet !== undefined && f.cell !== undefined) void service.showCell?.(f.sheet, f.cell).catch((error: unknown) => dispatch({ type: 'hostFailed', error }));
      return;
    }
    reveal(f.criterion, stay ? undefined : 'criteria');
    void service.select(f.criterion, f.field).catch((error: unknown) => dispatch({ type: 'hostFailed', error }));
  };
  const jump = (next: typeof nextTodo, none: string) => {
    if (!model) return;
    const n = next(model, state.selected);
    if (n) {
      choose(n.code);
      announce(`${n.code} ${n.name}`);
    } else announce(none);
  };
  // The sheet is built from what the pane shows, once pending answers are in the workbook.
  const print = async (): Promise<PrintOutcome> => {
    await queue.flush();
    const m = modelRef.current;
    const result = state.result;
    if (!m || !result?.ok) throw new Error(t('loadFailed'));
    // The sheet builder is loaded on first use: it stays out of the pane's first chunk.
    const { buildPrintSheet } = await import('./print/printSheet');
    const built = buildPrintSheet(m.reading, m.findings, result.today, new Date(), {
      ...(result.issuer !== undefined ? { issuer: result.issuer } : {}),
      ...(result.reference ? { reference: result.reference } : {}),
    });
    const skipped = await service.writeSheets(built.sheets, built.spec.name);
    return { sheet: built.spec.name, errors: built.errors, skipped, ...(built.letterhead ? { letterhead: built.letterhead } : {}) };
  };
  // "Chọn cột" in the card: pending answers go in first, then the choice is recorded and the workbook read again.
  const chooseColumn = service.chooseColumn?.bind(service);
  const spare = state.result?.ok ? state.result.spareColumns : undefined;
  const columnChoice =
    chooseColumn && spare
      ? {
          spare,
          choose: async (key: ColumnKey, column: number) => {
            await queue.flush();
            await chooseColumn(key, column);
            await load(true);
          },
        }
      : undefined;
  const saveMapping = async (mapping: ColumnMapping) => {
    await service.saveMapping(mapping);
    await load();
  };

  const { query, result, selected } = state;
  const matches = useMemo(() => (model && query.trim() !== '' ? search(model, query) : undefined), [model, query]);
  const filter = useMemo(() => (matches ? new Set(matches) : undefined), [matches]);
  const baseline = state.baseline?.kind === 'matched' ? state.baseline.scores : undefined;
  const gap = useMemo(() => (model ? targetGap(model, baseline) : undefined), [model, baseline]);

  const toggleLang = () => dispatch({ type: 'lang', lang: lang === 'vi' ? 'en' : 'vi' });
  const consolidateButton = (
    <Button size="small" aria-label={t('modeConsolidateLabel')} onClick={() => dispatch({ type: 'consolidating', open: true })} data-action="open-consolidate">
      {t('modeConsolidate')}
    </Button>
  );
  const hostError = state.hostError;

  let body;
  if (state.consolidating) {
    const set = result?.ok ? result.reading.set : undefined;
    const meta = result?.ok ? result.reading.meta : undefined;
    body = (
      <LazyView>
        <ConsolidationMode
          service={service}
          {...(set && result?.ok && isMasterTemplate(result.reading.metadata) ? { openSet: { ...set, id: meta?.setId ?? set.id, version: meta?.setVersion ?? set.version } } : {})}
          today={result?.ok ? result.today : localToday()}
          onClose={() => dispatch({ type: 'consolidating', open: false })}
        />
      </LazyView>
    );
  } else if (state.loadError !== undefined && !result) {
    body = (
      <>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('loadFailed')}: {errorText(state.loadError, lang)}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.toolbar}>{consolidateButton}</div>
      </>
    );
  } else if (!result) {
    body = <PaneSkeleton label={t('loading')} />;
  } else if (!result.ok) {
    body = (
      <>
        <div className={styles.toolbar}>{consolidateButton}</div>
        <LazyView>
          <StartScreen
            service={service}
            sheets={result.sheets}
            findings={result.findings}
            onSaveMapping={saveMapping}
            onCreated={() => load()}
            onToggleLang={toggleLang}
          />
        </LazyView>
      </>
    );
  } else if (model) {
    const tab = state.tab;
    body = (
      <>
        <Header model={model} setKnown={result.ok && result.reference !== undefined} gap={gap} onToggleLang={toggleLang} onReload={() => void load(true)} />
        <SaveStatus
          save={state.save}
          canUndo={state.undo !== undefined}
          onUndo={() => void undo()}
          onRetry={retry}
          describe={(e) => errorText(e, lang)}
        />
        {hostError !== undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t('writeFailed')}: {errorText(hostError, lang)}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.toolbar}>
          {consolidateButton}
          <PrintAction print={print} describe={(e) => errorText(e, lang)} announce={announce} />
        </div>
        {!service.supports('changeEvents') && (
          <p className={styles.hint}>{t('featureMissing', { feature: t('featureChangeEvents'), set: 'ExcelApi 1.7' })}</p>
        )}
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => dispatch({ type: 'tab', tab: d.value as PaneTab })} size="small">
          <Tab value="criteria">{t('tabCriteria')}</Tab>
          <Tab value="findings">{`${t('tabFindings')} (${model.findings.length})`}</Tab>
          <Tab value="targets">{t('tabTargets')}</Tab>
          <Tab value="register">{t('tabRegister')}</Tab>
          <Tab value="help">{t('tabHelp')}</Tab>
          {model.reading.layout.columns.appraisedScore !== undefined && <Tab value="appraisal">{t('tabAppraisal')}</Tab>}
        </TabList>
        {tab === 'criteria' && (
          <>
            <div className={styles.toolbar}>
              <Input
                className={styles.search}
                type="search"
                placeholder={t('search')}
                aria-label={t('search')}
                value={query}
                onChange={(_, d) => dispatch({ type: 'query', text: d.value })}
              />
              <Button size="small" onClick={() => jump(nextTodo, t('noTodo'))}>{t('nextTodo')}</Button>
              <Button size="small" onClick={() => jump(nextProblem, t('noProblem'))}>{t('nextProblem')}</Button>
            </div>
            {matches && <p className={styles.hint} role="status">{matches.length === 0 ? t('searchNone') : t('searchCount', { n: matches.length })}</p>}
            <CriteriaTree
              model={model}
              selected={selected}
              expanded={state.expanded}
              filter={filter}
              onSelect={choose}
              onToggle={(code, open) => dispatch({ type: 'toggle', code, open })}
            />
            {selected && model.byCode.has(selected) ? (
              <CriterionCard
                key={`${selected}:${state.generation}`}
                model={model}
                code={selected}
                today={result.today}
                onChange={change}
                announce={announce}
                {...(columnChoice ? { columnChoice } : {})}
              />
            ) : (
              <p className={styles.hint}>{t('pickCriterion')}</p>
            )}
          </>
        )}
        {tab === 'findings' && (
          <>
            {model.register && (
              <p className={styles.hint} data-findings-register>
                {registerNote(model.register, t)}
              </p>
            )}
            <LazyView>
              <FindingsSummary findings={model.findings} onGo={goToFinding} />
            </LazyView>
          </>
        )}
        {tab === 'targets' && (
          <LazyView>
            <TargetsView model={model} onGo={choose} choice={state.baseline} onChoice={(choice) => dispatch({ type: 'baseline', choice })} />
          </LazyView>
        )}
        {tab === 'register' && (
          <LazyView>
            <RegisterView
              model={model}
              onRegister={(kept) => dispatch({ type: 'register', register: kept })}
              readSheet={async () => {
                await load(true);
                return sheet.current;
              }}
              onGo={(f) => goToFinding(f, true)}
              onCite={(c) => {
                change(c);
                void queue.flush();
              }}
            />
          </LazyView>
        )}
        {tab === 'appraisal' && (
          <LazyView>
            <AppraisalView
              model={model}
              service={service}
              onGo={(code) => {
                reveal(code, 'criteria');
                void service.select(code, 'finalScore').catch((error: unknown) => dispatch({ type: 'hostFailed', error }));
              }}
              announce={announce}
            />
          </LazyView>
        )}
        {tab === 'help' && (
          <LazyView>
            <HelpView model={model} code={selected} announce={announce} />
          </LazyView>
        )}
      </>
    );
  }

  return (
    <FluentProvider theme={theme} lang={lang}>
      <I18nContext.Provider value={i18n}>
        <main className={styles.root} lang={lang}>
          {body}
          <div aria-live="polite" role="status" className={styles.srOnly} data-live>
            {state.announcement}
          </div>
        </main>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
