/**
 * The quiet line under the header: when the last write reached the sheet and which
 * cells, "Hoàn tác" for the pane's own last write, or a failed write said plainly
 * with the typed values kept and a retry.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { AnswerChange } from '../../workbook/answers';
import { useI18n } from '../i18n';
import type { SaveState } from '../state';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'center', margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, minWidth: 0 },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
});

export interface SaveStatusProps {
  save: SaveState;
  canUndo: boolean;
  onUndo: () => void;
  onRetry: (changes: AnswerChange[]) => void;
  describe: (error: unknown) => string;
}

export function SaveStatus({ save, canUndo, onUndo, onRetry, describe }: SaveStatusProps) {
  const { t } = useI18n();
  const styles = useStyles();
  if (save.kind === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline" data-save="failed">
        <MessageBarBody>
          {t('writeFailed')}: {describe(save.error)} {t('writeKept')}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => onRetry(save.changes)}>{t('retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (save.kind === 'idle' && !canUndo) return null;
  return (
    <p className={styles.line} data-save={save.kind === 'saved' ? (save.undone ? 'undone' : 'saved') : 'idle'}>
      {save.kind === 'saved' && (
        <span className={styles.text}>{t(save.undone ? 'undoneAt' : 'savedAt', { time: save.at, cells: save.cells.join(', ') })}</span>
      )}
      {canUndo && (
        <Button size="small" appearance="secondary" onClick={onUndo} aria-label={t('undoLabel')} data-action="undo">
          {t('undo')}
        </Button>
      )}
    </p>
  );
}
