import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { MESSAGES } from './all-messages.ts';
import { interpolate, type Locale } from './catalogue.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;
type I18n = { locale: Locale; setLocale(locale: Locale): void; t: Translate };

const STORAGE_KEY = 'settle.locale';

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, vars) => {
      const message = MESSAGES[locale][key] ?? MESSAGES.en[key];
      if (message === undefined) {
        console.error(`missing message: ${key}`);
        return key;
      }
      return interpolate(message, vars);
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
