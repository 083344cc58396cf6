/**
 * The units' replies read back: the officer picks the filled "Yêu cầu giải trình" files;
 * per file (unit) each criterion's reply and further evidence, and the rows left blank.
 * A criterion of the unit whose workbook is open is a button to its row (and its card,
 * where the final appraisal is recorded); those replies can be logged in its log sheet.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { localSerial } from '../../core/clock';
import { normalizeText } from '../../core/text';
import { LOG_SHEET, replyLogEntries, type LogEntry } from '../../workbook/appraisalLog';
import type { RepliesOfFile } from '../../worker/appraisal';
import { errorText } from '../bilingual';
import { useI18n } from '../i18n';
import type { RunJob } from './jobs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  file: { display: 'flex', flexDirection: 'column', gap: '4px', fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '6px' },
  text: { margin: 0, whiteSpace: 'pre-wrap', fontSize: tokens.fontSizeBase200 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface RepliesProps {
  runJob: RunJob;
  /** The unit of the open workbook: its criteria become buttons. */
  openUnit?: string;
  /** Shows a criterion of the open workbook (its row, its card). */
  onGo?: (code: string) => void;
  /** Appends entries to the open workbook's log. */
  log?: (entries: LogEntry[]) => Promise<void>;
  announce: (text: string) => void;
}

const sameUnit = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && normalizeText(a) === normalizeText(b);

export function Replies({ runJob, openUnit, onGo, log, announce }: RepliesProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<RepliesOfFile[]>();
  const [failure, setFailure] = useState<string>();

  const read = async (list: FileList | null) => {
    const chosen = [...(list ?? [])].filter((f) => /\.xlsx$/i.test(f.name));
    if (chosen.length === 0) return;
    setBusy(true);
    setFailure(undefined);
    const out = await runJob({ type: 'replies', files: chosen.map((f) => ({ name: f.name, data: f })) });
    setBusy(false);
    if (out.type === 'replies') {
      setFiles(out.files);
      announce(out.files.map((f) => (f.ok ? t('apprRepliesOf', { file: f.source, answered: f.replies.length, unanswered: f.unanswered.length }) : lang === 'vi' ? f.vi : f.en)).join(' '));
    } else if (out.type === 'failed') setFailure(lang === 'vi' ? out.error.vi : out.error.en);
  };

  const logReplies = async (f: Extract<RepliesOfFile, { ok: true }>) => {
    if (!log) return;
    const entries = replyLogEntries(f.replies, localSerial());
    try {
      await log(entries);
      announce(t('apprLogged', { n: entries.length, log: LOG_SHEET }));
    } catch (e) {
      setFailure(errorText(e, lang));
    }
  };

  return (
    <section className={styles.root} aria-labelledby="appr-replies" data-replies>
      <h3 className={styles.heading} id="appr-replies">{t('apprReplies')}</h3>
      <label className={styles.file}>
        {t('apprRepliesPick')}
        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple disabled={busy} onChange={(e) => void read(e.currentTarget.files)} data-input="replies" />
      </label>
      {busy && <Spinner size="tiny" label={t('apprReading')} />}
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('apprFailed')}: {failure}</MessageBarBody>
        </MessageBar>
      )}
      {files?.map((f) =>
        !f.ok ? (
          <MessageBar key={f.source} intent="warning" layout="multiline">
            <MessageBarBody>{lang === 'vi' ? f.vi : f.en}</MessageBarBody>
          </MessageBar>
        ) : (
          <section key={f.source} className={styles.file} aria-label={f.unit ?? f.source} data-reply-file={f.source}>
            <h4 className={styles.heading}>{f.unit ?? f.source}</h4>
            <p className={styles.note}>{t('apprRepliesOf', { file: f.source, answered: f.replies.length, unanswered: f.unanswered.length })}</p>
            {!sameUnit(f.unit, openUnit) && onGo && <p className={styles.note}>{t('apprOtherUnit', { unit: f.unit ?? f.source })}</p>}
            <ul className={styles.list}>
              {f.replies.map((r) => (
                <li key={r.code} data-reply={r.code}>
                  {sameUnit(f.unit, openUnit) && onGo ? (
                    <Button size="small" appearance="transparent" onClick={() => onGo(r.code)} aria-label={t('apprGoTo', { code: r.code })}>
                      {r.code}
                    </Button>
                  ) : (
                    <strong>{r.code}</strong>
                  )}
                  {r.reply !== '' && <p className={styles.text}>{t('apprReply')}: {r.reply}</p>}
                  {r.evidence !== '' && <p className={styles.text}>{t('apprEvidence')}: {r.evidence}</p>}
                </li>
              ))}
            </ul>
            {f.unanswered.length > 0 && (
              <p className={styles.text} data-unanswered>
                {t('apprUnanswered')}: {f.unanswered.join(', ')}
              </p>
            )}
            {sameUnit(f.unit, openUnit) && log && f.replies.length > 0 && (
              <div>
                <Button size="small" onClick={() => void logReplies(f)} data-action="log-replies">{t('apprLogReplies')}</Button>
              </div>
            )}
          </section>
        ),
      )}
    </section>
  );
}
