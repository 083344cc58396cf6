/** Status marks shared by the tree and the card: a symbol plus a colour, never colour alone. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Status } from '../model';

export const STATUS_SYMBOL: Record<Status, string> = {
  done: '✓',
  error: '✕',
  warning: '!',
  todo: '○',
  survey: '–',
};

export const useStatusStyles = makeStyles({
  mark: { display: 'inline-block', width: '1.2em', textAlign: 'center', fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  survey: { color: tokens.colorNeutralForeground3 },
});
