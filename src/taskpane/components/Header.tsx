/** Unit, level, year, criteria set and progress; the language switch and reload. */
import { Button, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../core/format';
import { useI18n } from '../i18n';
import type { PaneModel, TargetGap } from '../model';
import { LangSwitch } from './LangSwitch';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: '4px', paddingBottom: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '6px', minWidth: 0 },
  unit: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  figures: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', margin: 0, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface HeaderProps {
  model: PaneModel;
  /** The workbook is checked against a known set (named by it, or matched by its contents); else it names none. */
  setKnown: boolean;
  /** The gap to the year's target, when last year's results are known. */
  gap?: TargetGap | undefined;
  onToggleLang: () => void;
  onReload: () => void;
}

export function Header({ model, setKnown, gap, onToggleLang, onReload }: HeaderProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { meta } = model.reading;
  const p = model.progress;
  const set = model.reading.set;
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <h1 className={styles.unit}>{meta.unit ?? t('unknownUnit')}</h1>
        <LangSwitch onToggle={onToggleLang} />
      </div>
      <p className={styles.meta}>
        {[
          meta.level ? t(`level_${meta.level}`) : undefined,
          meta.year !== undefined ? `${t('year')} ${meta.year}` : undefined,
          // A sheet matched to no set has only the sheet's name as its set's name: never shown as one.
          setKnown || meta.setId !== undefined ? `${t('setVersion')} ${set.id}${set.version ? ` (${t('version')} ${set.version})` : ''}` : t('setUnknown'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ProgressBar value={p.total > 0 ? p.done / p.total : 0} aria-label={t('progress')} thickness="large" />
      <p className={styles.figures} data-progress>
        <span>{t('rowsDone', { done: p.done, total: p.total })}</span>
        <span>{t('scoreSoFar', { score: formatNumber(p.score, lang), max: formatNumber(p.applicableMax, lang) })}</span>
        <span className={p.errors > 0 ? styles.error : undefined}>{t('errorsCount', { n: p.errors })}</span>
        <span className={p.warnings > 0 ? styles.warning : undefined}>{t('warningsCount', { n: p.warnings })}</span>
        <Button size="small" appearance="transparent" onClick={onReload}>{t('reload')}</Button>
      </p>
      {gap && (
        <p className={styles.meta} data-target-gap>
          {gap.gap > 0
            ? t('targetGap', { gap: formatNumber(gap.gap, lang), count: gap.gap, year: gap.year ?? '', recoverable: t('pointsN', { n: formatNumber(gap.recoverable, lang), count: gap.recoverable }) })
            : t('targetMet', { year: gap.year ?? '', recoverable: t('pointsN', { n: formatNumber(gap.recoverable, lang), count: gap.recoverable }) })}
        </p>
      )}
    </header>
  );
}
