/**
 * The appraisal round trip in the consolidation mode (Tổng hợp): requests for the picked
 * unit files whose appraised scores differ, and the replies read back, with a live region
 * of their own for what happened.
 */
import { useState } from 'react';
import { makeStyles } from '@fluentui/react-components';
import type { WorkbookService } from '../service';
import { workerJob, type RunJob } from './jobs';
import { Replies } from './Replies';
import { RequestsForFiles } from './Requests';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export default function AppraisalForFiles({ files, service, runJob = workerJob }: { files: readonly File[]; service: WorkbookService; runJob?: RunJob }) {
  const styles = useStyles();
  const [said, setSaid] = useState('');
  return (
    <div className={styles.root} data-appraisal-files>
      <RequestsForFiles files={files} service={service} runJob={runJob} announce={setSaid} />
      <Replies runJob={runJob} announce={setSaid} />
      <div role="status" aria-live="polite" className={styles.srOnly}>{said}</div>
    </div>
  );
}
