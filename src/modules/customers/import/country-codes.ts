// ISO 3166-1 alpha-2, the 249 officially assigned codes.
const ISO_3166_ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
    'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
    'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
    'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
    'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
    'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

// Names and near-misses clerks type instead of the code.
const COUNTRY_ALIASES: Record<string, string> = {
  UK: 'GB',
  中国: 'CN',
  中国大陆: 'CN',
  香港: 'HK',
  中国香港: 'HK',
  澳门: 'MO',
  中国澳门: 'MO',
  台湾: 'TW',
  中国台湾: 'TW',
  美国: 'US',
  日本: 'JP',
  韩国: 'KR',
  新加坡: 'SG',
  英国: 'GB',
  德国: 'DE',
  法国: 'FR',
};

/** An ISO 3166-1 alpha-2 code, upper-cased, or null when the text is not one. */
export function parseCountryCell(raw: string): string | null {
  const upper = raw.trim().toUpperCase();
  if (ISO_3166_ALPHA2.has(upper)) return upper;
  return COUNTRY_ALIASES[upper] ?? null;
}
