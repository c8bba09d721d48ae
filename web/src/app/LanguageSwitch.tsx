import { TranslationOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { LOCALES, type Locale } from '../shared/i18n/catalogue.ts';
import { useI18n } from '../shared/i18n/i18n.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Select<Locale>
      data-testid="language-switch"
      aria-label={t('nav.language')}
      value={locale}
      onChange={setLocale}
      suffixIcon={<TranslationOutlined />}
      options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      style={{ width: 112 }}
    />
  );
}
