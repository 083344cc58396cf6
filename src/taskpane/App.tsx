/**
 * The pane: reads the workbook through a WorkbookService, shows the tree, the card, the
 * findings and the targets, writes answers as they are entered (debounced, one batch
 * per flush) and re-reads when the sheet is edited directly.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { localToday } from '../core/clock';
import type { Finding } from '../core/findings';
import { WorkbookError } from '../workbook/errors';
import type { AnswerChange } from '../workbook/answers';
import { validateReading, type ColumnMapping } from '../workbook/read';
import { CriteriaTree } from './components/CriteriaTree';
import { CriterionCard } from './components/CriterionCard';
import { FindingsSummary } from './components/FindingsSummary';
import { Header } from './components/Header';
import { I18nContext, langOfDisplay, makeI18n, type Lang } from './i18n';
import { ancestorsOf, applyChanges, buildModel, codeAtRow, nextProblem, nextTodo, search, type PaneModel } from './model';
import { AnswerQueue, type FlushOutcome } from './queue';
import { PrintAction, type PrintOutcome } from './print/PrintAction';
import type { LoadResult, WorkbookService } from './service';
import { isMasterTemplate } from './consolidation/master';

const TargetsView = lazy(() => import('./components/TargetsView').then((m) => ({ default: m.TargetsView })));
const ConsolidationMode = lazy(() => import('./consolidation/ConsolidationMode').then((m) => ({ default: m.ConsolidationMode })));
const MappingStep = lazy(() => import('./components/MappingStep').then((m) => ({ default: m.MappingStep })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '10px', minWidth: '280px', maxWidth: '100%', boxSizing: 'border-box', minHeight: '100vh' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  search: { flexGrow: 1, minWidth: '140px' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
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

type Tabs = 'criteria' | 'findings' | 'targets';

function errorText(e: unknown, lang: Lang): string {
  if (e instanceof WorkbookError) return lang === 'vi' ? e.message : e.en;
  const err = e as { vi?: string; en?: string; message?: string };
  return (lang === 'vi' ? err?.vi : err?.en) ?? err?.message ?? String(e);
}

export function App({ service, writeDelayMs = 400, reloadDelayMs = 300, initialLang }: AppProps) {
  const styles = useStyles();
  // The user's switch wins; until then Office's display language, read on each render
  // because Office may report it only once initialised (the first load awaits that).
  const [chosenLang, setLang] = useState<Lang | undefined>(initialLang);
  const lang = chosenLang ?? langOfDisplay(service.displayLanguage());
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const theme = service.theme() === 'dark' ? webDarkTheme : webLightTheme;
  // The page around the provider takes the theme too: no white body margin in a dark Office.
  useEffect(() => {
    const body = document.body.style;
    body.margin = '0';
    body.backgroundColor = theme.colorNeutralBackground1;
    body.colorScheme = theme === webDarkTheme ? 'dark' : 'light';
  }, [theme]);

  const [result, setResult] = useState<LoadResult>();
  const [loadError, setLoadError] = useState<unknown>();
  const [writeError, setWriteError] = useState<unknown>();
  const [overlay, setOverlay] = useState<AnswerChange[]>([]);
  // Bumped on reads caused by sheet edits: the card then shows the sheet's values afresh.
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<string>();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [tab, setTab] = useState<Tabs>('criteria');
  // "Tổng hợp" replaces the unit's form; it works without a score table in the open workbook.
  const [consolidating, setConsolidating] = useState(false);
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => setAnnouncement(text), []);

  const load = useCallback(async () => {
    try {
      setResult(await service.load());
      setLoadError(undefined);
    } catch (e) {
      setLoadError(e);
    }
  }, [service]);

  const queue = useMemo(
    () =>
      new AnswerQueue(
        (changes) => service.write(changes),
        (outcome: FlushOutcome) => {
          setWriteError(outcome.error);
          // Re-read so the pane shows what the sheet now holds (sums, formats), then drop the written changes.
          void load().then(() => setOverlay((o) => o.filter((c) => !outcome.changes.includes(c))));
        },
        writeDelayMs,
      ),
    [service, load, writeDelayMs],
  );

  useEffect(() => {
    void load();
    const flush = () => void queue.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      void queue.flush();
      queue.dispose();
    };
  }, [load, queue]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = service.onExternalChange(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        void load().then(() => setGeneration((g) => g + 1));
      }, reloadDelayMs);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      off();
    };
  }, [service, load, reloadDelayMs]);

  const model: PaneModel | undefined = useMemo(() => {
    if (!result?.ok) return undefined;
    if (overlay.length === 0) return buildModel(result.reading, result.findings);
    const reading = applyChanges(result.reading, overlay);
    return buildModel(reading, validateReading(reading, { today: result.today }));
  }, [result, overlay]);

  // Selecting a cell in the sheet selects its criterion here.
  const modelRef = useRef(model);
  modelRef.current = model;
  const reveal = useCallback((code: string) => {
    const m = modelRef.current;
    if (!m) return;
    setSelected(code);
    setExpanded((e) => new Set([...e, ...ancestorsOf(m, code)]));
  }, []);
  useEffect(
    () =>
      service.onSelectionChange((sel) => {
        const m = modelRef.current;
        if (!m || sel.sheet !== m.reading.sheet) return;
        const code = codeAtRow(m.reading, sel.row);
        if (code !== undefined) reveal(code);
      }),
    [service, reveal],
  );

  // Live announcement of validation results when the counts change.
  const counts = model ? `${model.progress.errors}/${model.progress.warnings}` : '';
  const firstCounts = useRef(true);
  useEffect(() => {
    if (!model) return;
    if (firstCounts.current) {
      firstCounts.current = false;
      return;
    }
    announce(t('validated', { errors: model.progress.errors, warnings: model.progress.warnings }));
  }, [counts]);

  const change = useCallback(
    (c: AnswerChange) => {
      setOverlay((o) => [...o, c]);
      queue.add(c);
    },
    [queue],
  );

  const choose = (code: string) => {
    reveal(code);
    setTab('criteria');
    void service.select(code, 'selfScore').catch((e: unknown) => setWriteError(e));
  };
  const goToFinding = (f: Finding) => {
    if (f.criterion === undefined) return;
    reveal(f.criterion);
    setTab('criteria');
    void service.select(f.criterion, f.field).catch((e: unknown) => setWriteError(e));
  };
  const jump = (next: typeof nextTodo, none: string) => {
    if (!model) return;
    const n = next(model, selected);
    if (n) {
      choose(n.code);
      announce(`${n.code} ${n.name}`);
    } else announce(none);
  };
  // The sheet is built from what the pane shows, once pending answers are in the workbook.
  const print = async (): Promise<PrintOutcome> => {
    await queue.flush();
    const m = modelRef.current;
    if (!m || !result?.ok) throw new Error(t('loadFailed'));
    // The sheet builder is loaded on first use: it stays out of the pane's first chunk.
    const { buildPrintSheet } = await import('./print/printSheet');
    const built = buildPrintSheet(m.reading, m.findings, result.today, new Date());
    const skipped = await service.writeSheets(built.sheets, built.spec.name);
    return { sheet: built.spec.name, errors: built.errors, skipped };
  };
  const saveMapping = async (mapping: ColumnMapping) => {
    await service.saveMapping(mapping);
    await load();
  };

  const matches = useMemo(() => (model && query.trim() !== '' ? search(model, query) : undefined), [model, query]);
  const filter = useMemo(() => (matches ? new Set(matches) : undefined), [matches]);

  const consolidateButton = (
    <Button size="small" aria-label={t('modeConsolidateLabel')} onClick={() => setConsolidating(true)} data-action="open-consolidate">
      {t('modeConsolidate')}
    </Button>
  );

  let body;
  if (consolidating) {
    const set = result?.ok ? result.reading.set : undefined;
    const meta = result?.ok ? result.reading.meta : undefined;
    body = (
      <Suspense fallback={<Spinner />}>
        <ConsolidationMode
          service={service}
          {...(set && result?.ok && isMasterTemplate(result.reading.metadata) ? { openSet: { ...set, id: meta?.setId ?? set.id, version: meta?.setVersion ?? set.version } } : {})}
          today={result?.ok ? result.today : localToday()}
          onClose={() => setConsolidating(false)}
        />
      </Suspense>
    );
  } else if (loadError !== undefined && !result) {
    body = (
      <>
        <MessageBar intent="error">
          <MessageBarBody>
            {t('loadFailed')}: {errorText(loadError, lang)}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.toolbar}>{consolidateButton}</div>
      </>
    );
  } else if (!result) {
    body = <Spinner label={t('loading')} />;
  } else if (!result.ok) {
    body = (
      <>
        <div className={styles.toolbar}>{consolidateButton}</div>
        <Suspense fallback={<Spinner />}>
          <MappingStep sheets={result.sheets} findings={result.findings} onSave={saveMapping} />
        </Suspense>
      </>
    );
  } else if (model) {
    body = (
      <>
        <Header model={model} onToggleLang={() => setLang(lang === 'vi' ? 'en' : 'vi')} onReload={() => void load().then(() => setGeneration((g) => g + 1))} />
        {writeError !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t('writeFailed')}: {errorText(writeError, lang)}
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
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tabs)} size="small">
          <Tab value="criteria">{t('tabCriteria')}</Tab>
          <Tab value="findings">{`${t('tabFindings')} (${model.findings.length})`}</Tab>
          <Tab value="targets">{t('tabTargets')}</Tab>
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
                onChange={(_, d) => setQuery(d.value)}
              />
              <Button size="small" onClick={() => jump(nextTodo, t('noTodo'))}>{t('nextTodo')}</Button>
              <Button size="small" onClick={() => jump(nextProblem, t('noProblem'))}>{t('nextProblem')}</Button>
            </div>
            {matches && <p className={styles.hint} role="status">{matches.length === 0 ? t('searchNone') : t('searchCount', { n: matches.length })}</p>}
            <CriteriaTree
              model={model}
              selected={selected}
              expanded={expanded}
              filter={filter}
              onSelect={choose}
              onToggle={(code, open) =>
                setExpanded((e) => {
                  const next = new Set(e);
                  if (open) next.add(code);
                  else next.delete(code);
                  return next;
                })
              }
            />
            {selected && model.byCode.has(selected) ? (
              <CriterionCard key={`${selected}:${generation}`} model={model} code={selected} today={result.today} onChange={change} announce={announce} />
            ) : (
              <p className={styles.hint}>{t('pickCriterion')}</p>
            )}
          </>
        )}
        {tab === 'findings' && <FindingsSummary findings={model.findings} onGo={goToFinding} />}
        {tab === 'targets' && (
          <Suspense fallback={<Spinner />}>
            <TargetsView model={model} onGo={choose} />
          </Suspense>
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
            {announcement}
          </div>
        </main>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
