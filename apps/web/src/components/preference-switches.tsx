import { Button, Space, Switch } from 'antd';
import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useProblemNotifier } from './use-action';

/** Language button and elder-mode switch; shown in the header and on the login page. */
export function PreferenceSwitches() {
  const { locale, elderMode, setLocale, setElderMode } = usePreferences();
  const notify = useProblemNotifier();
  const t = useT();
  const elderId = useId();
  const nextLocale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Space size="middle" wrap>
      <Button
        data-testid="locale-switch"
        lang={nextLocale}
        aria-label={t('header.switchLanguage')}
        onClick={() => setLocale(nextLocale).catch(notify)}
      >
        {locale === 'zh-CN' ? 'English' : '中文'}
      </Button>
      <Space size="small">
        <Switch
          id={elderId}
          data-testid="elder-switch"
          checked={elderMode}
          onChange={(on) => setElderMode(on).catch(notify)}
        />
        <label htmlFor={elderId}>{t('header.elderMode')}</label>
      </Space>
    </Space>
  );
}
