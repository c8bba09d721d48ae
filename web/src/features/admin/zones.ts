import type { Locale } from '../../shared/i18n/catalogue.ts';

const HAS_LATIN = /[A-Za-z]/;

/** The zone's offset now, as "+08:00" (digits only, so it reads the same in every language). */
function offsetOf(zone: string): { text: string; minutes: number } {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /([+-])(\d{2}):?(\d{2})?/.exec(part ?? '');
    if (!m) return { text: '+00:00', minutes: 0 };
    const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    return { text: `${m[1]}${m[2]}:${m[3] ?? '00'}`, minutes };
  } catch {
    return { text: '+00:00', minutes: 0 };
  }
}

/** The zone's generic name in the language, when the language has one (e.g. 中国标准时间). */
function nameOf(zone: string, locale: Locale): string | null {
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!name || /^GMT|^UTC/.test(name)) return null;
    // In Chinese a name that falls back to English would read as untranslated: leave it out.
    if (locale === 'zh-CN' && HAS_LATIN.test(name)) return null;
    return name;
  } catch {
    return null;
  }
}

export type ZoneOption = { value: string; label: string; search: string; minutes: number };

/** Every IANA zone the browser knows (plus the current value), labelled with offset and name. */
export function zoneOptions(locale: Locale, current?: string): ZoneOption[] {
  const zones = new Set<string>(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones]
    .map((zone) => {
      const offset = offsetOf(zone);
      const name = nameOf(zone, locale);
      const label = `${offset.text}  ${zone}${name ? ` · ${name}` : ''}`;
      return {
        value: zone,
        label,
        search: `${zone} ${name ?? ''} ${offset.text}`.toLowerCase(),
        minutes: offset.minutes,
      };
    })
    .sort((a, b) => a.minutes - b.minutes || a.value.localeCompare(b.value));
}
