export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export type Catalogue = { en: Record<string, string>; 'zh-CN': Record<string, string> };

/**
 * One feature's strings in both languages. The Chinese side must name exactly the English keys
 * (the compiler checks it), so a string added in English cannot ship untranslated.
 * `{name}` in a message is replaced by the value of `name`.
 */
export function defineMessages<const T extends Record<string, string>>(
  en: T,
  zh: { [K in keyof T]: string },
): Catalogue {
  return { en, 'zh-CN': zh };
}

export function mergeCatalogues(parts: readonly Catalogue[]): Catalogue {
  const out: Catalogue = { en: {}, 'zh-CN': {} };
  for (const part of parts) {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(part[locale])) {
        if (key in out[locale]) throw new Error(`message key defined twice: ${key}`);
        out[locale][key] = value;
      }
    }
  }
  return out;
}

export function interpolate(message: string, vars?: Record<string, string | number>): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
