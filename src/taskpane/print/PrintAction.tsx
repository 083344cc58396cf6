/**
 * "In phiếu": builds the score sheet as a sheet of the open workbook and says how to
 * print it (there is no print API: File > Print). A draft and every skipped page
 * setting are said plainly.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import type { SkippedSetting } from '../service';

export interface PrintOutcome {
  sheet: string;
  errors: number;
  skipped: SkippedSetting[];
  /** Set when the letterhead prints the placeholder: where to type the parent authority, and whether to print again after. */
  letterhead?: { sheet: string; cell: string; again: boolean };
}

// Messages take a whole line of the toolbar they sit in.
// Multiline and wrapping anywhere: a long sheet name never widens the 320 px pane.
const useStyles = makeStyles({ message: { flexBasis: '100%', minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere' } });

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; outcome: PrintOutcome } | { kind: 'failed'; error: string };

export interface PrintActionProps {
  print: () => Promise<PrintOutcome>;
  /** The error's text in the pane's language. */
  describe: (e: unknown) => string;
  announce: (text: string) => void;
}

export function PrintAction({ print, describe, announce }: PrintActionProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'busy' });
    try {
      const outcome = await print();
      setState({ kind: 'done', outcome });
      announce(t('printDone', { sheet: outcome.sheet }));
    } catch (e) {
      setState({ kind: 'failed', error: describe(e) });
      announce(`${t('printFailed')}: ${describe(e)}`);
    }
  };
  return (
    <>
      <Button size="small" aria-label={t('printButtonLabel')} disabled={state.kind === 'busy'} onClick={() => void run()} data-action="print">
        {t('printButton')}
      </Button>
      {state.kind === 'busy' && <Spinner size="tiny" label={t('printBuilding')} />}
      {state.kind === 'done' && (
        <MessageBar className={styles.message} layout="multiline" intent={state.outcome.errors > 0 || state.outcome.skipped.length > 0 || state.outcome.letterhead ? 'warning' : 'success'} data-print-result>
          <MessageBarBody>
            <p>{t('printDone', { sheet: state.outcome.sheet })}</p>
            {state.outcome.errors > 0 && <p>{t('printDraft', { n: state.outcome.errors })}</p>}
            {state.outcome.letterhead && <p data-letterhead-placeholder>{t(state.outcome.letterhead.again ? 'printLetterhead' : 'printLetterheadHere', { sheet: state.outcome.letterhead.sheet, cell: state.outcome.letterhead.cell })}</p>}
            {state.outcome.skipped.length > 0 && (
              <>
                <p>{t('printSkipped')}</p>
                <ul>
                  {state.outcome.skipped.map((s, i) => (
                    <li key={i}>{lang === 'vi' ? s.vi : s.en}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'failed' && (
        <MessageBar className={styles.message} layout="multiline" intent="error">
          <MessageBarBody>
            {t('printFailed')}: {state.error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
