/**
 * The appraisal of a row (Sở Nội vụ): the appraised score and its reason, shown in the
 * criterion card when the sheet has the columns (Điểm thẩm định, Lý do thẩm định) and
 * written like the unit's answers. A score the row cannot take is refused, never written.
 */
import { useState } from 'react';
import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { cellText, type CellValue } from '../../core/answers';
import { normalizeCode, type CriterionEntry } from '../../core/criteriaSet';
import { message, type Finding } from '../../core/findings';
import { formatNumber } from '../../core/format';
import { describeAllowed } from '../../core/method';
import { parseScore } from '../../core/numbers';
import type { AnswerChange } from '../../workbook/answers';
import { FindingList } from '../components/FindingList';
import { useI18n } from '../i18n';
import { scoreInput, type PaneModel } from '../model';
import { appraisalErrors } from './appraisalErrors';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface AppraisalFieldsProps {
  model: PaneModel;
  code: string;
  today: string;
  onChange: (change: AnswerChange) => void;
  announce: (text: string) => void;
}

export function AppraisalFields({ model, code, today, onChange, announce }: AppraisalFieldsProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const columns = model.reading.layout.columns;
  const n = model.index.byCode.get(code) as CriterionEntry | undefined;
  const answer = model.reading.answers.find((a) => normalizeCode(a.code) === code);
  const shown = (v: CellValue | undefined) => (typeof v === 'number' ? formatNumber(v, lang) : cellText(v));
  const [scoreText, setScoreText] = useState(() => shown(answer?.appraisedScore));
  const [reason, setReason] = useState(() => cellText(answer?.appraisalReason));
  const [refused, setRefused] = useState<Finding[]>([]);
  const [finalText, setFinalText] = useState(() => shown(answer?.finalScore));
  const [finalReason, setFinalReason] = useState(() => cellText(answer?.finalReason));
  const [finalRefused, setFinalRefused] = useState<Finding[]>([]);

  // Parent rows carry the sum of their children: only leaves are appraised.
  if (!n?.isLeaf || (columns.appraisedScore === undefined && columns.appraisalReason === undefined)) return null;

  const setScore = (text: string) => {
    setScoreText(text);
    const value = scoreInput(text);
    const errors = appraisalErrors(model, code, value, today);
    setRefused(errors);
    if (errors.length > 0) {
      announce(`${message(errors[0], lang)} ${t('appraisalRefused')}`);
      return;
    }
    onChange({ code, appraisedScore: value });
  };
  const setFinal = (text: string) => {
    setFinalText(text);
    const value = scoreInput(text);
    const errors = appraisalErrors(model, code, value, today, 'finalScore');
    setFinalRefused(errors);
    if (errors.length > 0) {
      announce(`${message(errors[0], lang)} ${t('apprFinalRefused')}`);
      return;
    }
    onChange({ code, finalScore: value });
  };
  const hasFinal = columns.finalScore !== undefined || columns.finalReason !== undefined;
  const own = model.byCode.get(code)?.findings.filter((f) => f.field === 'appraisedScore') ?? [];
  const scoreFindings = refused.length > 0 ? refused : own;
  const scoreError = scoreFindings.find((f) => f.severity === 'error');
  const self = parseScore(answer?.selfScore);
  const appraised = parseScore(scoreText === '' ? null : scoreText);
  const differs = appraised.ok && (!self.ok || Math.abs(self.value - appraised.value) > 1e-9);

  return (
    <section className={styles.section} role="group" aria-labelledby={`appr-${code}`} data-appraisal>
      <h3 className={styles.heading} id={`appr-${code}`}>{t('appraisal')}</h3>
      {columns.appraisedScore !== undefined && (
        <Field
          label={t('appraisedScore')}
          hint={t('allowedScores', { allowed: describeAllowed(n.method.allowed, lang) })}
          validationState={scoreError ? 'error' : 'none'}
          validationMessage={scoreError ? message(scoreError, lang) + (refused.length > 0 ? ` ${t('appraisalRefused')}` : '') : undefined}
        >
          <Input value={scoreText} inputMode="decimal" onChange={(_, d) => setScore(d.value)} data-field="appraisedScore" />
        </Field>
      )}
      {columns.appraisalReason !== undefined && (
        <Field label={t('appraisalReason')} hint={differs && reason.trim() === '' ? t('appraisalReasonHint') : undefined}>
          <Textarea
            value={reason}
            resize="vertical"
            data-field="appraisalReason"
            onChange={(_, d) => {
              setReason(d.value);
              onChange({ code, appraisalReason: d.value });
            }}
          />
        </Field>
      )}
      <FindingList findings={scoreFindings.filter((f) => f !== scoreError)} />
      {hasFinal && (
        <div role="group" aria-labelledby={`final-${code}`} data-final>
          <h4 className={styles.heading} id={`final-${code}`}>{t('apprFinal')}</h4>
          {columns.finalScore !== undefined && (
            <Field
              label={t('apprFinalScore')}
              hint={`${t('allowedScores', { allowed: describeAllowed(n.method.allowed, lang) })} ${t('apprFinalHint')}`}
              validationState={finalRefused.length > 0 ? 'error' : 'none'}
              validationMessage={finalRefused.length > 0 ? `${message(finalRefused[0], lang)} ${t('apprFinalRefused')}` : undefined}
            >
              <Input value={finalText} inputMode="decimal" onChange={(_, d) => setFinal(d.value)} data-field="finalScore" />
            </Field>
          )}
          {columns.finalReason !== undefined && (
            <Field label={t('apprFinalReason')}>
              <Textarea
                value={finalReason}
                resize="vertical"
                data-field="finalReason"
                onChange={(_, d) => {
                  setFinalReason(d.value);
                  onChange({ code, finalReason: d.value });
                }}
              />
            </Field>
          )}
        </div>
      )}
    </section>
  );
}
