/**
 * "Yêu cầu giải trình" from the pane: for the open appraised workbook (its request built
 * here from the reading the pane holds) or for every unit file picked in the consolidation
 * mode whose appraised scores differ (built in the worker). Both go through requestFor
 * (src/workbook/appraisal.ts), as `chiso request-explanation`; the bytes are written in the
 * worker and opened as new workbooks in Excel, or downloaded, named by unit; the requests
 * for the picked files also as one .zip, zipped in the worker (one download, not 150).
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { requestFileName, requestFor } from '../../workbook/appraisal';
import type { UnitReading } from '../../workbook/read';
import type { MadeRequest } from '../../worker/appraisal';
import { useI18n, type StringKey } from '../i18n';
import type { WorkbookService } from '../service';
import { errorText } from '../bilingual';
import { deliver, download, requestsZipName, type RunJob } from './jobs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px', fontSize: tokens.fontSizeBase200 },
});

type Said = { intent: 'success' | 'warning' | 'error'; text: string }[];

interface Common {
  service: WorkbookService;
  runJob: RunJob;
  announce: (text: string) => void;
  /** The appraising body printed at the top of the request (the letterhead's parent authority). */
  issuer?: string;
}

function useDeliver({ service, announce }: Common) {
  const { t } = useI18n();
  return async (bytes: Uint8Array, name: string): Promise<Said> => {
    const how = await deliver(service, bytes, name);
    const key: StringKey = how === 'opened' ? 'apprOpened' : 'apprDownloaded';
    const said: Said = [{ intent: 'success', text: t(key, { name }) }];
    // Both need ExcelApi 1.8: where data validation is missing, creating workbooks is too.
    if (how === 'downloaded' && !service.supports('dataValidation')) said.push({ intent: 'warning', text: t('apprNoCreate') });
    announce(said.map((s) => s.text).join(' '));
    return said;
  };
}

function Messages({ said }: { said: Said }) {
  return (
    <>
      {said.map((s, i) => (
        <MessageBar key={i} intent={s.intent} layout="multiline">
          <MessageBarBody>{s.text}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}


/** The request for the workbook open in Excel. */
export function RequestForOpen(props: Common & { reading: UnitReading; file?: string }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const send = useDeliver(props);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>([]);
  const made = requestFor(props.reading, props.file ?? props.reading.sheet, props.issuer !== undefined ? { issuer: props.issuer } : {});

  const go = async () => {
    if (!made.ok) return;
    setBusy(true);
    try {
      const out = await props.runJob({ type: 'bytes', spec: made.spec });
      if (out.type !== 'bytes') throw out.type === 'failed' ? out.error : new Error(out.type);
      setSaid(await send(out.bytes, requestFileName(made.unit)));
    } catch (e) {
      setSaid([{ intent: 'error', text: `${t('apprFailed')}: ${errorText(e, lang)}` }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} data-request="open">
      <p className={styles.note}>{made.ok ? t('apprDiffs', { n: made.diffs.length }) : lang === 'vi' ? made.vi : made.en}</p>
      <div>
        <Button appearance="primary" disabled={!made.ok || busy} onClick={() => void go()} data-action="request-explanation">
          {t('apprRequest')}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t('apprMaking')} />}
      <Messages said={said} />
    </div>
  );
}

/** The requests for the unit files picked in the consolidation mode. */
export function RequestsForFiles(props: Common & { files: readonly File[] }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const send = useDeliver(props);
  const [busy, setBusy] = useState(false);
  const [zipping, setZipping] = useState(false);
  const [made, setMade] = useState<MadeRequest[]>();
  const [skipped, setSkipped] = useState<{ source: string; vi: string; en: string }[]>([]);
  const [said, setSaid] = useState<Said>([]);

  const go = async () => {
    setBusy(true);
    setSaid([]);
    try {
      const out = await props.runJob({ type: 'requests', files: props.files.map((f) => ({ name: f.name, data: f })), options: props.issuer !== undefined ? { issuer: props.issuer } : {} });
      if (out.type !== 'requests') throw out.type === 'failed' ? out.error : new Error(out.type);
      setMade(out.made);
      setSkipped(out.skipped);
      props.announce(out.made.map((m) => t('apprMade', { unit: m.unit, n: m.count })).join('; '));
    } catch (e) {
      setSaid([{ intent: 'error', text: `${t('apprFailed')}: ${errorText(e, lang)}` }]);
    } finally {
      setBusy(false);
    }
  };
  const get = async (m: MadeRequest) => {
    try {
      setSaid(await send(m.bytes, m.name));
    } catch (e) {
      setSaid([{ intent: 'error', text: `${t('apprFailed')}: ${errorText(e, lang)}` }]);
    }
  };
  const getAll = async (all: MadeRequest[]) => {
    setZipping(true);
    setSaid([]);
    // A worker that cannot start (its chunk not loaded) or a download the page refuses is said, never left spinning.
    try {
      const out = await props.runJob({ type: 'zip', files: all.map((m) => ({ name: m.name, bytes: m.bytes })) });
      if (out.type !== 'zip') throw out.type === 'failed' ? out.error : new Error(out.type);
      const name = requestsZipName();
      download(out.bytes, name, 'application/zip');
      const text = t('apprZipped', { name, n: out.names.length });
      setSaid([{ intent: 'success', text }]);
      props.announce(text);
    } catch (e) {
      setSaid([{ intent: 'error', text: `${t('apprFailed')}: ${errorText(e, lang)}` }]);
    } finally {
      setZipping(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="appr-files" data-request="files">
      <h3 id="appr-files" style={{ margin: 0, fontSize: tokens.fontSizeBase300 }}>{t('apprRequest')}</h3>
      <p className={styles.note}>{t('apprRequestFilesHint')}</p>
      <div>
        <Button disabled={busy || props.files.length === 0} onClick={() => void go()} data-action="request-files">
          {t('apprRequestFiles')}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t('apprMaking')} />}
      {made && made.length > 1 && (
        <div>
          <Button disabled={zipping} onClick={() => void getAll(made)} data-action="request-zip">
            {t('apprGetAll', { n: made.length })}
          </Button>
        </div>
      )}
      {zipping && <Spinner size="tiny" label={t('apprZipping')} />}
      {made && made.length > 0 && (
        <ul className={styles.list}>
          {made.map((m) => (
            <li key={m.source} data-made={m.name}>
              {t('apprMade', { unit: m.unit, n: m.count })}{' '}
              <Button size="small" onClick={() => void get(m)}>{t('apprGet', { name: m.name })}</Button>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>{`${t('apprSkipped')} (${skipped.length})`}</summary>
          <ul className={styles.list}>
            {skipped.map((s) => (
              <li key={s.source}>{lang === 'vi' ? s.vi : s.en}</li>
            ))}
          </ul>
        </details>
      )}
      <Messages said={said} />
    </section>
  );
}
