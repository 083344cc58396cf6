/**
 * The consolidation's result in the pane: per level the ranking (rank with ties, unit,
 * index %; grade, status and errors wrapped under the unit so the table fits 320 px) with
 * an index chart, each unit a link to its row in the summary sheet and its findings shown
 * under it on asking; rejected files with reasons, duplicates, missing units, what became
 * of last year's results; and the report
 * printed as the command line prints it (a print-ready sheet, then File > Print).
 */
import { Fragment, useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { UnitLevel } from '../../core/criteria';
import { formatNumber, type Lang } from '../../core/format';
import { SUMMARY_SHEET } from '../../workbook/summary';
import type { JsonUnit, WorkerMessage } from '../../worker/protocol';
import { pick, errorText } from '../bilingual';
import { useI18n, type StringKey } from '../i18n';
import type { SkippedSetting, WorkbookService } from '../service';
import { MissingUnits } from './MissingUnits';
import { LEVEL_NAMES } from './references';
import { BaselineNote, countsText, UnitFindingList } from './UnitFindings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'left', verticalAlign: 'top', overflowWrap: 'anywhere' },
  num: { textAlign: 'right' },
  rank: { width: '3.2em' },
  index: { width: '4.6em' },
  details: { display: 'block', color: tokens.colorNeutralForeground2 },
  chart: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0, padding: 0, listStyle: 'none' },
  bar: { display: 'flex', alignItems: 'center', gap: '4px', fontSize: tokens.fontSizeBase100 },
  barName: { flex: '0 0 40%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  barTrack: { flex: '1 1 auto', backgroundColor: tokens.colorNeutralBackground3, height: '10px' },
  barFill: { backgroundColor: tokens.colorBrandBackground, height: '10px' },
});

type Done = Extract<WorkerMessage, { type: 'done' }>;

const LEVELS: UnitLevel[] = ['so', 'huyen', 'xa'];
const STATUS: Record<Exclude<JsonUnit['status'], 'rejected'>, StringKey> = {
  accepted: 'consStatusAccepted',
  accepted_with_warnings: 'consStatusWarnings',
  accepted_with_errors: 'consStatusErrors',
  duplicate: 'consStatusDuplicate',
};
const pct = (n: number | null, lang: Lang) => (n === null ? '' : formatNumber(Math.round(n * 100) / 100, lang));

/** The summary sheet's row of a file (its file name is in column D): A1 address of the unit's name. */
function rowOf(sheet: Done['sheets'][number] | undefined, file: string): string | undefined {
  const r = sheet?.values.findIndex((row) => row[3] === file) ?? -1;
  return r < 0 ? undefined : `B${r + 1}`;
}

export function Results({ output, skipped, service }: { output: Done; skipped: SkippedSetting[]; service: WorkbookService }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { report, json, sheets } = output;
  const [printed, setPrinted] = useState<{ sheet: string; skipped: SkippedSetting[] } | { error: string }>();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const findingsOf = new Map(report.findings.map((f) => [f.file, f]));
  const toggle = (file: string) => setOpen((was) => new Set(was.has(file) ? [...was].filter((f) => f !== file) : [...was, file]));
  const summary = sheets.find((s) => s.name === SUMMARY_SHEET);
  const listed = json.units.filter((u) => u.status !== 'rejected');
  const levels = [...LEVELS, null].filter((l) => listed.some((u) => u.level === l));

  const print = async () => {
    try {
      const skippedPrint = await service.writeSheets([output.print], output.print.name);
      setPrinted({ sheet: output.print.name, skipped: skippedPrint });
    } catch (e) {
      setPrinted({ error: errorText(e, lang) });
    }
  };

  return (
    <div className={styles.root} data-results>
      <MessageBar intent={report.rejected.length + report.duplicates.length + report.missing.length > 0 ? 'warning' : 'success'}>
        <MessageBarBody>
          {t('consDone', { sheets: sheets.map((s) => s.name).join(', ') })} {t('consRanked', { n: report.ranked })}
        </MessageBarBody>
      </MessageBar>
      {skipped.length > 0 && (
        <ul className={styles.list}>
          {skipped.map((s, i) => (
            <li key={i}>{pick(lang, s)}</li>
          ))}
        </ul>
      )}
      <div>
        <Button onClick={() => void print()} data-action="print-report">{t('consPrint')}</Button>
      </div>
      {printed && (
        <MessageBar intent={'error' in printed ? 'error' : 'info'} data-printed>
          <MessageBarBody>
            {'error' in printed ? printed.error : t('consPrinted', { sheet: printed.sheet })}
            {'skipped' in printed && printed.skipped.map((s, i) => <span key={i}> {pick(lang, s)}</span>)}
          </MessageBarBody>
        </MessageBar>
      )}
      {levels.map((level) => {
        const name = level ? pick(lang, LEVEL_NAMES[level]) : '?';
        const rows = listed.filter((u) => u.level === level);
        const charted = rows.filter((u) => u.rank !== null && u.index !== null);
        return (
          <section key={level ?? 'none'} data-ranking={level ?? ''} aria-label={t('consRanking', { level: name })}>
            <h3 className={styles.heading}>{t('consRanking', { level: name })}</h3>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={`${styles.cell} ${styles.rank}`}>{t('consColRank')}</th>
                  <th scope="col" className={styles.cell}>{t('consColUnit')}</th>
                  <th scope="col" className={`${styles.cell} ${styles.num} ${styles.index}`}>{t('consColIndex')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => {
                  const unit = u.unit ?? u.file;
                  const at = rowOf(summary, u.file);
                  const grade = lang === 'vi' ? u.grade : (report.grades.find((g) => g.label === u.grade)?.labelEn ?? u.grade);
                  const found = findingsOf.get(u.file);
                  const status = u.status !== 'rejected' ? t(STATUS[u.status]) : '';
                  // With findings, the status is their toggle and counts the errors itself.
                  const plain = [grade, ...(found ? [] : [status, u.errors > 0 ? t('errorsCount', { n: u.errors }) : undefined])].filter(Boolean).join(' · ');
                  return (
                    <Fragment key={u.file}>
                      <tr data-unit={unit}>
                        <td className={`${styles.cell} ${styles.num}`}>{u.rank ?? ''}</td>
                        <td className={styles.cell}>
                          {at && service.showCell ? (
                            <Link as="button" aria-label={t('consGoToUnit', { unit })} onClick={() => void service.showCell?.(SUMMARY_SHEET, at)}>
                              {unit}
                            </Link>
                          ) : (
                            unit
                          )}
                          <span className={styles.details} data-details>
                            {plain}
                            {found && (
                              <>
                                {plain ? ' · ' : ''}
                                <Link as="button" aria-expanded={open.has(u.file)} data-toggle-findings={u.file} onClick={() => toggle(u.file)}>
                                  {status} ({countsText(found, t)})
                                </Link>
                              </>
                            )}
                          </span>
                        </td>
                        <td className={`${styles.cell} ${styles.num}`}>{pct(u.index, lang)}</td>
                      </tr>
                      {found && open.has(u.file) && (
                        <tr>
                          <td className={styles.cell} colSpan={3}>
                            <UnitFindingList findings={found} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
            {charted.length > 0 && (
              <figure style={{ margin: 0 }}>
                <figcaption className={styles.heading}>{t('consChart', { level: name })}</figcaption>
                <ul className={styles.chart} data-chart={level ?? ''}>
                  {charted.map((u) => (
                    <li key={u.file} className={styles.bar}>
                      <span className={styles.barName}>{u.unit}</span>
                      <span className={styles.barTrack} aria-hidden="true">
                        <span className={styles.barFill} style={{ display: 'block', width: `${Math.max(0, Math.min(100, u.index ?? 0))}%` }} />
                      </span>
                      <span>{pct(u.index, lang)}%</span>
                    </li>
                  ))}
                </ul>
              </figure>
            )}
          </section>
        );
      })}
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
      {report.missing.length > 0 && <MissingUnits missing={report.missing} units={json.units} />}
      {report.baseline && <BaselineNote baseline={report.baseline} />}
    </div>
  );
}
