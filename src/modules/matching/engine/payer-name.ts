import { toHalfWidth } from './text-normalise.ts';

/**
 * Company names compared without what every company has: legal forms and suffixes (有限公司, Ltd,
 * GmbH), a region in brackets ((中国), (HK)), and a leading city or province (上海, 北京) when
 * what is left still says who it is.
 */

const CJK_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
  '商行',
  '企业',
];

const CJK_REGION_PREFIXES = [
  '中国',
  '北京',
  '上海',
  '天津',
  '重庆',
  '广州',
  '深圳',
  '杭州',
  '南京',
  '苏州',
  '武汉',
  '成都',
  '西安',
  '青岛',
  '厦门',
  '宁波',
  '大连',
  '沈阳',
  '长沙',
  '郑州',
  '济南',
  '福州',
  '合肥',
  '无锡',
  '东莞',
  '佛山',
  '珠海',
  '昆明',
  '广东',
  '浙江',
  '江苏',
  '山东',
  '福建',
  '河北',
  '河南',
  '湖北',
  '湖南',
  '四川',
  '安徽',
  '江西',
  '辽宁',
  '吉林',
  '山西',
  '陕西',
  '云南',
  '广西',
  '香港',
  '台湾',
];

/** Latin legal forms and words that say nothing about which company it is. */
const LATIN_STOP = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'inc',
  'incorporated',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'plc',
  'pte',
  'pty',
  'oy',
  'ab',
  'as',
  'aps',
  'kft',
  'ltda',
  'sl',
  'the',
  'and',
  'of',
  'trading',
  'group',
  'holding',
  'holdings',
  'international',
  'intl',
  'china',
  'hk',
  'ev',
]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const REGION_IN_BRACKETS = /\((?:中国|香港|china|hk|hong kong|上海|北京|深圳)\)/g;

export type NormalisedName = {
  /** The name without legal forms: Latin words and CJK runs separated by spaces. */
  core: string;
  /** The core without its leading city or province (上海宏达机械 -> 宏达机械); equal to core when none. */
  bare: string;
  /** Blocking tokens: 'w:' Latin words, 'p:' 4-letter word prefixes, 'c:' CJK bigrams (or single characters). */
  tokens: string[];
};

function stripSuffixes(run: string): string {
  let s = run;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CJK_SUFFIXES) {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return s;
}

/** The leading city or province (with 市/省), when what follows is still a name: 上海宏达 -> 上海. */
function regionPrefix(run: string): string {
  for (const region of CJK_REGION_PREFIXES) {
    if (!run.startsWith(region)) continue;
    const withUnit = /^[市省]/.test(run.slice(region.length)) ? region.length + 1 : region.length;
    return run.length - withUnit >= 2 ? run.slice(0, withUnit) : '';
  }
  return '';
}

/** Normalises a payer or customer name into its distinctive core and blocking tokens. */
export function normalisePayerName(name: string): NormalisedName {
  const text = toHalfWidth(name)
    .toLowerCase()
    .replace(REGION_IN_BRACKETS, ' ')
    .replace(/[.'’]/g, '')
    .replace(/[^0-9a-z\u00c0-\u024f\u3400-\u9fff\uf900-\ufaff]+/g, ' ');
  const parts: string[] = [];
  const bareParts: string[] = [];
  const tokens: string[] = [];
  // Split into runs of CJK and of everything else, keeping their order.
  for (const run of text.match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
    if (CJK.test(run)) {
      // A legal form standing alone, as in 西门子（中国）有限公司 once the bracket is gone.
      if (CJK_SUFFIXES.includes(run)) continue;
      const core = stripSuffixes(run);
      parts.push(core);
      // The city is not distinctive: blocking skips it (its bigrams would match thousands).
      const bare = parts.length === 1 ? core.slice(regionPrefix(core).length) : core;
      bareParts.push(bare);
      if (bare.length === 1) tokens.push(`c:${bare}`);
      for (let i = 0; i + 1 < bare.length; i++) tokens.push(`c:${bare.slice(i, i + 2)}`);
    } else {
      for (const word of run.split(' ')) {
        if (word.length === 0 || LATIN_STOP.has(word)) continue;
        parts.push(word);
        bareParts.push(word);
        if (word.length >= 2) tokens.push(`w:${word}`);
        if (word.length >= 5) tokens.push(`p:${word.slice(0, 4)}`);
      }
    }
  }
  return { core: parts.join(' '), bare: bareParts.join(' '), tokens: [...new Set(tokens)] };
}
