/**
 * "Hướng dẫn": the user guide's key steps, and the open criterion's scoring method and
 * evidence requirement, each copyable (clipboard, or selected for Ctrl+C where the host
 * blocks the clipboard). Loaded on demand.
 */
import { useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type StringKey } from '../i18n';
import type { PaneModel } from '../model';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  heading: { margin: '6px 0 2px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px', fontSize: tokens.fontSizeBase200 },
  block: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200, backgroundColor: tokens.colorNeutralBackground2, padding: '6px 8px', borderRadius: tokens.borderRadiusMedium },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const STEPS: StringKey[] = ['helpStep1', 'helpStep2', 'helpStep3', 'helpStep4', 'helpStep5', 'helpStep6'];

export function HelpView({ model, code, announce }: { model: PaneModel; code: string | undefined; announce: (text: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const n = code !== undefined ? model.index.byCode.get(code) : undefined;
  return (
    <div className={styles.view} data-help>
      <h2 className={styles.heading}>{t('helpTitle')}</h2>
      <ol className={styles.steps}>
        {STEPS.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ol>
      {n ? (
        <>
          <h2 className={styles.heading}>{t('helpCriterion', { code: `${n.code}. ${n.node.name}` })}</h2>
          {n.node.method && <CopyBlock title={t('method')} text={n.node.method} announce={announce} />}
          {n.node.evidence && <CopyBlock title={t('evidenceRequired')} text={n.node.evidence} announce={announce} />}
        </>
      ) : (
        <p className={styles.note}>{t('helpNoCriterion')}</p>
      )}
    </div>
  );
}

/** A titled text with a copy button. */
export function CopyBlock({ title, text, announce }: { title: string; text: string; announce: (text: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const ref = useRef<HTMLParagraphElement>(null);
  const what = title.toLowerCase();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce(t('copied', { what: title }));
    } catch {
      // Some Office hosts block the clipboard API: select the text so Ctrl+C copies it.
      const el = ref.current;
      const selection = window.getSelection();
      if (el && selection) {
        const range = document.createRange();
        range.selectNodeContents(el);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      announce(t('copySelected', { what: title }));
    }
  };
  return (
    <div>
      <h3 className={styles.heading}>{title}</h3>
      <p className={styles.block} ref={ref} data-copy-text>
        {text}
      </p>
      <Button size="small" onClick={() => void copy()} aria-label={t('copyLabel', { what })}>
        {t('copy')}
      </Button>
    </div>
  );
}
