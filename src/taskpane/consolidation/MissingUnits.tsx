/**
 * The expected units without an accepted file, worded as the printed report words them:
 * those whose file was rejected apart from those that sent none (tester F5: both were
 * listed as "chưa nộp"). A province lists 100+ names, so a list longer than OPEN_UP_TO
 * starts collapsed, its count in the heading, and what follows stays in reach.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { unitKey } from '../../core/consolidate';
import type { ConsolidationJson } from '../../worker/protocol';
import { useI18n, type StringKey } from '../i18n';

const OPEN_UP_TO = 10;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  group: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, cursor: 'pointer' },
});

export function MissingUnits({ missing, units }: { missing: readonly string[]; units: ConsolidationJson['units'] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const rejected = new Set(units.filter((u) => u.status === 'rejected' && u.unit !== null).map((u) => unitKey(u.unit as string)));
  const groups: { key: StringKey; attr: string; names: string[] }[] = [
    { key: 'consMissingRejected', attr: 'rejected', names: missing.filter((m) => rejected.has(unitKey(m))) },
    { key: 'consMissing', attr: 'unsent', names: missing.filter((m) => !rejected.has(unitKey(m))) },
  ];
  return (
    <section data-missing>
      <h3 className={styles.heading}>{t('consNoValidFile', { n: missing.length })}</h3>
      {groups
        .filter((g) => g.names.length > 0)
        .map((g) => {
          const list = (
            <ul className={styles.list}>
              {g.names.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          );
          const label = t(g.key, { n: g.names.length });
          return g.names.length > OPEN_UP_TO ? (
            <details key={g.attr} data-missing-group={g.attr}>
              <summary className={styles.group}>{label}</summary>
              {list}
            </details>
          ) : (
            <div key={g.attr} data-missing-group={g.attr}>
              <p className={styles.group}>{label}</p>
              {list}
            </div>
          );
        })}
    </section>
  );
}
