/**
 * The "Thẩm định" tab of an appraised unit workbook (Sở Nội vụ): the explanation request,
 * the unit's replies read back, and the way to the final appraisal (thẩm định lần 2),
 * recorded in each criterion's card. Its own chunk: the pane loads it when the tab opens.
 */
import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { LOG_SHEET } from '../../workbook/appraisalLog';
import { useI18n } from '../i18n';
import type { PaneModel } from '../model';
import type { WorkbookService } from '../service';
import type { LoggedService } from './loggedService';
import { workerJob, type RunJob } from './jobs';
import { Replies } from './Replies';
import { RequestForOpen } from './Requests';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface AppraisalViewProps {
  model: PaneModel;
  service: WorkbookService | LoggedService;
  /** Shows a criterion: its card in the Tiêu chí tab and its row in the sheet. */
  onGo: (code: string) => void;
  announce: (text: string) => void;
  /** Tests run the worker's jobs in-process. */
  runJob?: RunJob;
}

export default function AppraisalView({ model, service, onGo, announce, runJob = workerJob }: AppraisalViewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const { reading } = model;
  const columns = reading.layout.columns;
  const [noLog, setNoLog] = useState(false);
  const showLog = service.showCell ? () => void service.showCell?.(LOG_SHEET, 'A1').then(() => setNoLog(false), () => setNoLog(true)) : undefined;
  const log = 'log' in service ? (entries: Parameters<LoggedService['log']>[0]) => service.log(entries) : undefined;
  return (
    <section className={styles.root} aria-labelledby="appr-title" data-view="appraisal">
      <h2 className={styles.heading} id="appr-title">{t('apprRoundTrip')}</h2>
      <p className={styles.note}>{t('apprSteps', { log: LOG_SHEET })}</p>
      {columns.appraisedScore === undefined ? (
        <p className={styles.note}>{t('apprNoColumn')}</p>
      ) : (
        <RequestForOpen reading={reading} service={service} runJob={runJob} announce={announce} />
      )}
      <Replies runJob={runJob} {...(reading.meta.unit !== undefined ? { openUnit: reading.meta.unit } : {})} onGo={onGo} {...(log ? { log } : {})} announce={announce} />
      {columns.finalScore === undefined && columns.appraisedScore !== undefined && <p className={styles.note}>{t('apprNoFinalColumns')}</p>}
      {showLog && (
        <div>
          <Button size="small" onClick={showLog} data-action="show-log">{t('apprShowLog')}</Button>
        </div>
      )}
      {noLog && <p className={styles.note} role="status">{t('apprNoLog', { log: LOG_SHEET })}</p>}
    </section>
  );
}
