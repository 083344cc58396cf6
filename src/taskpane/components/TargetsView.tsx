/**
 * The 2024 targets (Kế hoạch 386/KH-UBND) from last year's result: a bar chart of target
 * versus current per field (plain SVG, no chart library), the gap per criterion and the
 * points still to win, largest first. Last year's result is the sheet's own column or a
 * CSV/JSON file the officer chooses here (the file wins). Loaded on demand.
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ChangeEvent } from 'react';
import { formatNumber } from '../../core/format';
import type { Gap } from '../../core/targets';
import { chooseBaseline, parseBaselineText, readFileText, type BaselineChoice } from '../baselineFile';
import { useI18n } from '../i18n';
import { targetsOf, type FieldTarget, type PaneModel } from '../model';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'right', padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` }, '& th:first-child, & td:first-child': { textAlign: 'left' } },
  heading: { margin: '10px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: '4px 0', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  legend: { display: 'flex', gap: '12px', fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
  picker: { display: 'flex', flexDirection: 'column', gap: '4px', marginTop: '8px' },
  file: { maxWidth: '100%', fontSize: tokens.fontSizeBase200 },
  problems: { margin: '2px 0', paddingLeft: '18px', fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
});

const TARGET_COLOR = tokens.colorNeutralStroke1;
const CURRENT_COLOR = tokens.colorBrandBackground;

export interface TargetsViewProps {
  model: PaneModel;
  onGo: (code: string) => void;
  /** Last year's results chosen as a file; kept by the pane so the header's gap uses it too. */
  choice: BaselineChoice | undefined;
  onChoice: (choice: BaselineChoice | undefined) => void;
}

export function TargetsView({ model, onGo, choice, onChoice: setChoice }: TargetsViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const view = targetsOf(model, choice?.kind === 'matched' ? choice.scores : undefined);
  const year = model.reading.meta.year ?? model.reading.set.year;
  const f = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n, lang));
  const picker = <BaselinePicker unit={model.reading.meta.unit} choice={choice} onChoice={setChoice} />;
  if (view.gaps.length === 0) {
    return (
      <div data-targets>
        <p className={styles.note}>{t('targetsNone')}</p>
        {picker}
      </div>
    );
  }
  return (
    <div data-targets>
      <h2 className={styles.heading}>{t('targetsTitle', { year: year || '—' })}</h2>
      <p className={styles.note}>{t('targetsRule')}</p>
      <h3 className={styles.heading}>{t('chartTitle')}</h3>
      <FieldChart fields={view.byField} />
      <div className={styles.legend} aria-hidden="true">
        <span><span className={styles.swatch} style={{ background: TARGET_COLOR }} />{t('chartTarget')}</span>
        <span><span className={styles.swatch} style={{ background: CURRENT_COLOR }} />{t('chartCurrent')}</span>
      </div>
      <h3 className={styles.heading}>{t('recoverableTitle')}</h3>
      <GapTable gaps={view.recoverable} onGo={onGo} f={f} recoverable />
      <h3 className={styles.heading}>{t('gapsTitle')}</h3>
      <GapTable gaps={view.gaps} onGo={onGo} f={f} />
      {picker}
    </div>
  );
}

/** A labelled native file input (keyboard and screen readers know it); the outcome is announced. */
function BaselinePicker({ unit, choice, onChoice }: { unit: string | undefined; choice: BaselineChoice | undefined; onChoice: (c: BaselineChoice | undefined) => void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const id = useId();
  const [failure, setFailure] = useState<string>();
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const text = await readFileText(file);
      setFailure(undefined);
      onChoice(chooseBaseline(file.name, parseBaselineText(file.name, text), unit));
    } catch (error) {
      setFailure(`${t('baselineReadFailed', { file: file.name })}: ${error instanceof Error ? error.message : String(error)}`);
      onChoice(undefined);
    }
  };
  return (
    <section className={styles.picker} aria-labelledby={`${id}-title`} data-baseline>
      <h3 className={styles.heading} id={`${id}-title`}>{t('baselineTitle')}</h3>
      <label htmlFor={`${id}-file`}>{t('baselineFileLabel')}</label>
      <input id={`${id}-file`} className={styles.file} type="file" accept=".csv,.json,text/csv,application/json" aria-describedby={`${id}-help`} onChange={(e) => void pick(e)} />
      <p className={styles.note} id={`${id}-help`}>{t('baselineFileHelp')} {t('baselineReplaces')}</p>
      <div role="status" data-baseline-status>
        {failure ?? (choice ? outcome(choice) : '')}
      </div>
      {choice && choice.problems.length > 0 && (
        <>
          <p className={styles.note}>{t('baselineProblems', { n: choice.problems.length })}</p>
          <ul className={styles.problems} data-baseline-problems>
            {choice.problems.map((p, i) => (
              <li key={i}>{p.line > 0 ? t('baselineProblemLine', { line: p.line, text: p[lang] }) : p[lang]}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );

  function outcome(c: BaselineChoice): string {
    if (c.kind === 'matched') return t('baselineUsed', { file: c.file, n: c.scores.size, unit: c.unit });
    if (c.unit === undefined) return t('baselineNoUnitName', { file: c.file });
    return t('baselineNoUnit', { file: c.file, unit: c.unit, units: c.units.length > 0 ? c.units.join(', ') : t('baselineNoUnits') });
  }
}

function GapTable({ gaps, onGo, f, recoverable }: { gaps: Gap[]; onGo: (code: string) => void; f: (n: number | undefined) => string; recoverable?: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <table className={styles.table} data-table={recoverable ? 'recoverable' : 'gaps'}>
      <thead>
        <tr>
          <th scope="col">{t('colCode')}</th>
          {!recoverable && <th scope="col">{t('colPrevious')}</th>}
          <th scope="col">{t('colTarget')}</th>
          <th scope="col">{t('colCurrent')}</th>
          <th scope="col">{recoverable ? t('colRecoverable') : t('colGap')}</th>
        </tr>
      </thead>
      <tbody>
        {gaps.map((g) => (
          <tr key={g.code}>
            <th scope="row">
              <Link as="button" onClick={() => onGo(g.code)} title={g.name}>{g.code}</Link>
            </th>
            {!recoverable && <td>{f(g.previous)}</td>}
            <td>{f(g.target)}</td>
            <td>{f(g.current)}</td>
            <td>{f(recoverable ? g.recoverable : g.gap)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Two horizontal bars per field on a shared scale; the figures are in the SVG's title for screen readers. */
function FieldChart({ fields }: { fields: FieldTarget[] }) {
  const { t, lang } = useI18n();
  const max = Math.max(1, ...fields.flatMap((x) => [x.target, x.current]));
  const rowH = 26;
  const labelW = 40;
  const width = 280;
  const barW = width - labelW - 40;
  const desc = fields.map((x) => `${x.code}: ${t('chartTarget')} ${formatNumber(x.target, lang)}, ${t('chartCurrent')} ${formatNumber(x.current, lang)}`).join('; ');
  return (
    <svg role="img" aria-label={`${t('chartTitle')}. ${desc}`} viewBox={`0 0 ${width} ${fields.length * rowH + 4}`} width="100%" style={{ maxWidth: width }}>
      {fields.map((x, i) => {
        const y = i * rowH + 2;
        return (
          <g key={x.code}>
            <text x={0} y={y + 15} fontSize={11} fill="currentColor">{x.code}</text>
            <rect x={labelW} y={y} width={(x.target / max) * barW} height={10} fill={TARGET_COLOR} />
            <rect x={labelW} y={y + 11} width={(x.current / max) * barW} height={10} fill={CURRENT_COLOR} />
            <text x={labelW + barW + 4} y={y + 15} fontSize={10} fill="currentColor">
              {formatNumber(x.current, lang)}/{formatNumber(x.target, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
