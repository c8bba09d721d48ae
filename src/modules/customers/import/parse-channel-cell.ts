import type { ContactChannel } from './customer-import.types.ts';

const CHANNELS: Record<string, ContactChannel> = {
  email: 'email',
  mail: 'email',
  邮件: 'email',
  邮箱: 'email',
  电子邮件: 'email',
  phone: 'phone',
  telephone: 'phone',
  tel: 'phone',
  call: 'phone',
  电话: 'phone',
  sms: 'sms',
  text: 'sms',
  短信: 'sms',
  wechat: 'wechat',
  weixin: 'wechat',
  微信: 'wechat',
  letter: 'letter',
  post: 'letter',
  信函: 'letter',
  信件: 'letter',
  邮寄: 'letter',
};

/** A contact channel from its English or Chinese name (any case, "E-mail" too), or null. */
export function parseChannelCell(raw: string): ContactChannel | null {
  const key = raw
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return Object.hasOwn(CHANNELS, key) ? (CHANNELS[key] ?? null) : null;
}
