/**
 * Under a unit's row of the consolidation's ranking: the findings that made it "accepted
 * with warnings" or "ranked with errors", each with its severity, sheet!cell, criterion and
 * message (the worker posts the first few, the rest counted); and what became of last
 * year's results.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { BaselineUse, BriefFinding, UnitFindings } from '../../worker/protocol';
import { pick } from '../bilingual';
import { useI18n, type StringKey } from '../i18n';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

const SEVERITY: Record<BriefFinding['severity'], StringKey> = { error: 'consFindingError', warning: 'consFindingWarning', info: 'consFindingInfo' };

/** "2 lỗi, 3 cảnh báo": the counts a collapsed row shows beside its status. */
export function countsText(f: UnitFindings, t: ReturnType<typeof useI18n>['t']): string {
  return t('consFindingCounts', { errors: f.counts.error, warnings: f.counts.warning, infos: f.counts.info });
}

export function UnitFindingList({ findings }: { findings: UnitFindings }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list} data-findings={findings.file}>
      {findings.first.map((f, i) => {
        const at = [f.sheet, f.cell].filter((x) => x !== null).join('!');
        const where = [at, f.criterion !== null ? t('consFindingCriterion', { code: f.criterion }) : ''].filter((x) => x !== '').join(' · ');
        return (
          <li key={i}>
            <span className={styles[f.severity]}>{t(SEVERITY[f.severity])}</span>
            {where !== '' && ` ${where}`}: {pick(lang, f.message)}
          </li>
        );
      })}
      {findings.more > 0 && <li data-findings-more>{t('consFindingsMore', { n: findings.more })}</li>}
    </ul>
  );
}

/** Whether last year's results were used, for how many units, and the lines left out. */
export function BaselineNote({ baseline }: { baseline: BaselineUse }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  return (
    <section data-baseline>
      <h3 className={styles.heading}>{t('consBaselineTitle', { file: baseline.file })}</h3>
      <p className={styles.text}>
        {t(baseline.used > 0 ? 'consBaselineUsed' : 'consBaselineUnused', { used: baseline.used, units: baseline.units })}
        {baseline.skipped.length > 0 && ` ${t('consBaselineSkipped', { n: baseline.skipped.length })}`}
      </p>
      {baseline.skipped.length > 0 && (
        <ul className={styles.list}>
          {baseline.skipped.map((p, i) => (
            <li key={i}>{pick(lang, p)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
