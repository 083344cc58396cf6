/** The findings of one field, shown beside it; errors are announced by the live region, not here. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { message, type Finding } from '../../core/findings';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '2px 0 0', padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  item: { fontSize: tokens.fontSizeBase200 },
});

export function FindingList({ findings, id }: { findings: readonly Finding[]; id?: string }) {
  const { lang, t } = useI18n();
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <ul className={styles.list} id={id}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`${styles.item} ${styles[f.severity]}`} data-finding={f.code}>
          <strong>{t(`severity_${f.severity}`)}:</strong> {message(f, lang)}
        </li>
      ))}
    </ul>
  );
}
