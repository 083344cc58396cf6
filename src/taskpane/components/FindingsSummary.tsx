/** Every finding of the workbook, grouped by severity; each one leads to its criterion and cell, or to its cell (the "Tổng cộng" row has no criterion). */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { message, type Finding, type Severity } from '../../core/findings';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  group: { margin: '8px 0' },
  heading: { margin: '0 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px', fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface FindingsSummaryProps {
  findings: readonly Finding[];
  onGo: (f: Finding) => void;
}

export function FindingsSummary({ findings, onGo }: FindingsSummaryProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  if (findings.length === 0) return <p role="status">{t('noFindings')}</p>;
  return (
    <div aria-label={t('findingsTitle')} role="region">
      {ORDER.map((severity) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <section key={severity} className={styles.group} data-severity={severity}>
            <h3 className={`${styles.heading} ${styles[severity]}`}>
              {t(`severity_${severity}`)} ({list.length})
            </h3>
            <ul className={styles.list}>
              {list.map((f, i) => (
                <li key={`${f.code}-${f.cell ?? ''}-${i}`} data-finding={f.code}>
                  {message(f, lang)}{' '}
                  {(f.criterion !== undefined || (f.sheet !== undefined && f.cell !== undefined)) && (
                    <Link as="button" onClick={() => onGo(f)}>
                      {f.cell ? t('goToCell', { cell: f.cell }) : f.criterion}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
