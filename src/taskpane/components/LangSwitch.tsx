/** The English/Tiếng Việt switch: on the form's header and on the start screen. */
import { Button } from '@fluentui/react-components';
import { useI18n } from '../i18n';

export function LangSwitch({ onToggle }: { onToggle: () => void }) {
  const { t, lang } = useI18n();
  // Named by its visible text, the other language's own name; the tooltip says what it does.
  return (
    <Button size="small" appearance="subtle" onClick={onToggle} title={t('switchLangLabel')} lang={lang === 'vi' ? 'en' : 'vi'} data-action="switch-lang">
      {t('switchLang')}
    </Button>
  );
}
