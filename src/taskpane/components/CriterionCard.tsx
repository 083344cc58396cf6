/**
 * One criterion: what it asks, how it is scored, and the unit's entries (declared
 * figure, self-score, evidence, explanation), each with its findings beside it. A score
 * the row cannot take is refused: shown with its error, never written to the sheet.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Textarea, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cellText, type CellValue } from '../../core/answers';
import { normalizeCode, type CriterionEntry } from '../../core/criteriaSet';
import { message, type Finding, type FindingColumn } from '../../core/findings';
import { formatNumber } from '../../core/format';
import { describeAllowed, parseDeclared, suggestScore, type MethodOption } from '../../core/method';
import { parsePercent, parseScore } from '../../core/numbers';
import type { AnswerChange } from '../../workbook/answers';
import { useI18n } from '../i18n';
import { scoreErrors, scoreInput, type PaneModel } from '../model';
import { AppraisalFields } from '../appraisal/AppraisalFields';
import { ChooseColumn, type ColumnChoice } from './ChooseColumn';
import { EvidenceEditor } from './EvidenceEditor';
import { FindingList } from './FindingList';
import { STATUS_SYMBOL, useStatusStyles } from './statusStyles';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '8px' },
  title: { display: 'flex', gap: '6px', alignItems: 'baseline', margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  meta: { color: tokens.colorNeutralForeground2, margin: 0, fontSize: tokens.fontSizeBase200 },
  block: { margin: 0, whiteSpace: 'pre-wrap', fontSize: tokens.fontSizeBase200, backgroundColor: tokens.colorNeutralBackground2, padding: '6px 8px', borderRadius: tokens.borderRadiusMedium },
  section: { display: 'flex', flexDirection: 'column', gap: '4px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  inline: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export interface CriterionCardProps {
  model: PaneModel;
  code: string;
  today: string;
  onChange: (change: AnswerChange) => void;
  announce: (text: string) => void;
  /** "Chọn cột" for an item the sheet seems to lack; absent where the host cannot record it. */
  columnChoice?: ColumnChoice;
}

const FIELDS_IN_CARD: FindingColumn[] = ['declared', 'selfScore', 'evidence', 'explanation', 'appraisedScore'];

/** The condition part of a method line ("Có ban hành kế hoạch: Điểm tối đa" -> "Có ban hành kế hoạch"). */
function conditionText(o: MethodOption): string {
  const i = o.label.lastIndexOf(':');
  return (i > 0 ? o.label.slice(0, i) : o.label).trim();
}

export function CriterionCard({ model, code, today, onChange, announce, columnChoice }: CriterionCardProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const status = useStatusStyles();
  const n = model.index.byCode.get(code) as CriterionEntry;
  const node = model.byCode.get(code);
  const answer = model.reading.answers.find((a) => normalizeCode(a.code) === code);
  const columns = model.reading.layout.columns;
  const f = (v: number) => formatNumber(v, lang);

  // A number from the sheet is shown as the reader writes it (0,5 in Vietnamese).
  const shown = (v: CellValue | undefined) => (typeof v === 'number' ? formatNumber(v, lang) : cellText(v));
  const [scoreText, setScoreText] = useState(() => shown(answer?.selfScore));
  const [refused, setRefused] = useState<Finding[]>([]);
  const [declaredText, setDeclaredText] = useState(() => shown(answer?.declared));
  // The rate just typed when it was refused (not written), and why; undefined while it is fine.
  const [rateRefused, setRateRefused] = useState<{ value: string; reason: 'text' | 'range' }>();
  const [explanation, setExplanation] = useState(() => cellText(answer?.explanation));
  const [evidence, setEvidence] = useState(() => cellText(answer?.evidence));

  if (!n || !node) return null;
  const rowFindings = node.findings;
  const of = (field: FindingColumn) => rowFindings.filter((x) => x.field === field);
  const other = rowFindings.filter((x) => x.field === undefined || !FIELDS_IN_CARD.includes(x.field));
  const survey = n.scoredBy === 'survey';
  const entry = n.isLeaf && !survey;
  const method = n.method;
  const declared = parseDeclared((declaredText === '' ? null : declaredText) as CellValue);
  const suggested = suggestScore(method, declared);
  const score = parseScore(scoreText === '' ? null : scoreText);
  const explanationRequired = score.ok && score.value > 0 && evidence.trim() === '';

  const setScore = (text: string) => {
    setScoreText(text);
    const value = scoreInput(text);
    const errors = scoreErrors(model.reading, code, value, today);
    setRefused(errors);
    if (errors.length > 0) {
      announce(`${message(errors[0], lang)} ${t('scoreRefused')}`);
      return;
    }
    onChange({ code, selfScore: value });
  };
  const rateMessage = (r: { value: string; reason: 'text' | 'range' }) =>
    `${t(r.reason === 'range' ? 'percentOutOfRange' : 'percentNotNumber', { value: r.value, code })} ${t('percentRefused')}`;
  const percentField = method.options.some((o) => o.condition.kind === 'percent');
  const setDeclared = (text: string) => {
    setDeclaredText(text);
    const rate = percentField ? parsePercent(text) : undefined;
    if (rate && !rate.ok && rate.reason !== 'empty') {
      const refusal = { value: text.trim().replace(/\s*%$/, ''), reason: rate.reason };
      setRateRefused(refusal);
      announce(rateMessage(refusal));
      return;
    }
    setRateRefused(undefined);
    onChange({ code, declared: text.trim() === '' ? null : text });
  };

  // "Không áp dụng" is offered exactly where the set allows it, and needs a reason (the explanation).
  const naAllowed = n.node.notApplicableAllowed === true && columns.declared !== undefined;
  const notApplicable = declared.kind === 'notApplicable';
  const setNotApplicable = (on: boolean) => {
    setDeclaredText(on ? NOT_APPLICABLE : '');
    setRateRefused(undefined);
    if (on) {
      setScoreText('');
      setRefused([]);
      onChange({ code, declared: NOT_APPLICABLE, selfScore: null });
    } else onChange({ code, declared: null });
  };
  const reasonMissing = notApplicable && explanation.trim() === '';
  const yesNo = method.options.some((o) => o.condition.kind === 'yes' || o.condition.kind === 'no');
  const chosen = score.ok ? pickOption(method.options, score.value) : -1;
  const scoreFindings = refused.length > 0 ? refused : of('selfScore');
  const scoreError = scoreFindings.find((x) => x.severity === 'error');

  return (
    <section className={styles.card} aria-labelledby={`card-${code}`} data-card={code}>
      <Title3 as="h2" id={`card-${code}`} className={styles.title}>
        <span aria-hidden="true" className={mergeClasses(status.mark, status[node.status])}>{STATUS_SYMBOL[node.status]}</span>
        <span>{code}. {n.node.name}</span>
      </Title3>
      <p className={styles.meta}>
        {t('maxPoints')}: {t('pointsN', { n: f(n.node.maxPoints), count: n.node.maxPoints })} · {t(`status_${node.status}`)}
      </p>
      <FindingList findings={other} />

      {n.node.method && (
        <div className={styles.section}>
          <h3 className={styles.heading}>{t('method')}</h3>
          <p className={styles.block}>{n.node.method}</p>
        </div>
      )}
      {n.node.evidence && (
        <div className={styles.section}>
          <h3 className={styles.heading}>{t('evidenceRequired')}</h3>
          <p className={styles.block}>{n.node.evidence}</p>
        </div>
      )}

      {survey && <p className={styles.note}>{t('surveyRow')}</p>}
      {!n.isLeaf && <p className={styles.note}>{t('parentScore', { score: node.score !== undefined ? f(node.score) : '—' })}</p>}

      {entry && naAllowed && (
        <Checkbox
          checked={notApplicable}
          onChange={(_, d) => setNotApplicable(d.checked === true)}
          label={t('declaredNA')}
          data-field="notApplicable"
        />
      )}

      {entry && !notApplicable && columns.declared !== undefined && (
        <div className={styles.section}>
          {yesNo ? (
            <Field label={t('declared')}>
              <RadioGroup value={declaredChoice(declared.kind)} onChange={(_, d) => setDeclared(d.value)} layout="horizontal">
                <Radio value="Có" label={t('declaredYes')} />
                <Radio value="Không" label={t('declaredNo')} />
              </RadioGroup>
            </Field>
          ) : (
            <Field
              label={percentField ? t('declaredPercent') : t('declared')}
              {...(percentField ? { hint: t('declaredPercentHint') } : {})}
              validationState={rateRefused ? 'error' : 'none'}
              validationMessage={rateRefused ? rateMessage(rateRefused) : undefined}
            >
              <Input value={declaredText} {...(percentField ? { inputMode: 'decimal' as const } : {})} onChange={(_, d) => setDeclared(d.value)} data-field="declared" />
            </Field>
          )}
          <FindingList findings={of('declared')} />
          {suggested !== undefined && !rateRefused && (
            <div className={styles.inline}>
              <span>{t('suggested', { score: f(suggested) })}</span>
              {!(score.ok && score.value === suggested) && (
                <Button size="small" onClick={() => setScore(f(suggested))}>{t('useSuggested')}</Button>
              )}
            </div>
          )}
        </div>
      )}

      {entry && !notApplicable && method.kind === 'options' && method.options.length > 0 && (
        <Field label={t('methodChoices')}>
          <RadioGroup value={chosen >= 0 ? String(chosen) : ''} onChange={(_, d) => setScore(f(method.options[Number(d.value)].points))}>
            {method.options.map((o, i) => (
              <Radio key={i} value={String(i)} label={`${conditionText(o)}: ${t('pointsN', { n: f(o.points), count: o.points })}`} />
            ))}
          </RadioGroup>
        </Field>
      )}

      {entry && !notApplicable && (
        <div className={styles.section}>
          <Field
            label={t('selfScore')}
            hint={t('allowedScores', { allowed: describeAllowed(method.allowed, lang) })}
            validationState={scoreError ? 'error' : 'none'}
            validationMessage={scoreError ? message(scoreError, lang) + (refused.length > 0 ? ` ${t('scoreRefused')}` : '') : undefined}
          >
            <Input value={scoreText} inputMode="decimal" onChange={(_, d) => setScore(d.value)} data-field="selfScore" />
          </Field>
          <FindingList findings={scoreFindings.filter((x) => x !== scoreError)} />
        </div>
      )}

      {entry && (
        <div className={styles.section} role="group" aria-labelledby={`ev-h-${code}`}>
          <h3 className={styles.heading} id={`ev-h-${code}`}>{t('evidence')}</h3>
          {columns.evidence !== undefined ? (
            <EvidenceEditor
              code={code}
              value={evidence}
              onChange={(text) => {
                setEvidence(text);
                onChange({ code, evidence: text });
              }}
            />
          ) : (
            <ChooseColumn item="evidence" choice={columnChoice} />
          )}
          <FindingList findings={of('evidence')} />
        </div>
      )}

      {entry && columns.explanation === undefined && columnChoice && (
        <div className={styles.section}>
          <h3 className={styles.heading}>{t('explanation')}</h3>
          <ChooseColumn item="explanation" choice={columnChoice} />
        </div>
      )}

      {entry && columns.explanation !== undefined && (
        <div className={styles.section}>
          <Field
            label={notApplicable ? t('notApplicableReason') : t('explanation')}
            required={explanationRequired || notApplicable}
            hint={explanationRequired ? t('explanationRequired') : undefined}
            validationState={reasonMissing ? 'error' : 'none'}
            validationMessage={reasonMissing ? t('notApplicableReasonRequired') : undefined}
          >
            <Textarea
              value={explanation}
              resize="vertical"
              data-field="explanation"
              onChange={(_, d) => {
                setExplanation(d.value);
                onChange({ code, explanation: d.value });
              }}
            />
          </Field>
          <FindingList findings={of('explanation')} />
        </div>
      )}
      <AppraisalFields model={model} code={code} today={today} onChange={onChange} announce={announce} />
    </section>
  );
}

const NOT_APPLICABLE = 'Không áp dụng';

function declaredChoice(kind: string): string {
  if (kind === 'yes') return 'Có';
  if (kind === 'no') return 'Không';
  return '';
}

/** The option a score stands for: the first line giving exactly that score, -1 when none. */
function pickOption(options: readonly MethodOption[], score: number): number {
  return options.findIndex((o) => Math.abs(o.points - score) < 1e-9);
}
