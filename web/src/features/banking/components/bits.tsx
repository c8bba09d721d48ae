import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatPercent } from '../../../shared/format/format.ts';
import type { Translate } from '../../../shared/i18n/i18n.tsx';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

/** Green at the auto-match level, amber where review is worth it, red where it is a guess. */
export function confidenceColor(c: number): string {
  if (c >= 0.9) return '#52c41a';
  if (c >= 0.7) return '#faad14';
  return '#ff4d4f';
}

function confidenceLevel(c: number): 'high' | 'medium' | 'low' {
  return c >= 0.9 ? 'high' : c >= 0.7 ? 'medium' : 'low';
}

/** The engine's confidence as a short coloured bar with its percentage. */
export function ConfidenceBar({ value, width = 96 }: { value: number; width?: number }) {
  const { t, locale } = useI18n();
  return (
    <Tooltip title={`${t('banking.col.confidence')}: ${t(`banking.confidence.${confidenceLevel(value)}`)}`}>
      <Flex align="center" gap={6} style={{ width, minWidth: width }} data-confidence={value}>
        <Progress
          percent={Math.round(value * 100)}
          showInfo={false}
          size="small"
          strokeColor={confidenceColor(value)}
          style={{ margin: 0, flex: 1 }}
        />
        <Typography.Text style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {formatPercent(value, locale, 0)}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

export function ConfidenceTag({ value }: { value: number }) {
  const { t, locale } = useI18n();
  const level = confidenceLevel(value);
  const color = level === 'high' ? 'success' : level === 'medium' ? 'warning' : 'error';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t(`banking.confidence.${level}`)} {formatPercent(value, locale, 0)}
    </Tag>
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with each of `marks` (case-insensitive) highlighted where it occurs. */
export function Highlighted({ text, marks }: { text: string; marks: readonly string[] }): ReactNode {
  const wanted = [...new Set(marks.filter((m) => m.length >= 2))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return text;
  const re = new RegExp(`(${wanted.map(escapeRegExp).join('|')})`, 'gi');
  const out: ReactNode[] = [];
  let offset = 0;
  text.split(re).forEach((part, i) => {
    out.push(
      i % 2 === 1 ? (
        <mark
          key={offset}
          data-testid="bank-reference-mark"
          style={{ background: '#ffe58f', padding: '0 2px', borderRadius: 2 }}
        >
          {part}
        </mark>
      ) : (
        <span key={offset}>{part}</span>
      ),
    );
    offset += part.length + 1;
  });
  return out;
}

/** Who decided a match, as the audit trail names them: `user:<email>`, `token:<name>`, `cli:<user>`, `system`. */
export function actorLabel(actor: string, t: Translate): string {
  const [kind, ...rest] = actor.split(':');
  const name = rest.join(':');
  switch (kind) {
    case 'user':
      return name;
    case 'token':
      return t('banking.matched.token', { name });
    case 'cli':
      return t('banking.matched.cli', { name });
    case 'system':
      return t('banking.matched.system');
    default:
      return actor;
  }
}

/** A keyboard key as a small key cap. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd
      style={{
        display: 'inline-block',
        minWidth: 20,
        padding: '0 5px',
        border: '1px solid',
        borderBottomWidth: 2,
        borderRadius: 4,
        borderColor: 'currentColor',
        opacity: 0.75,
        background: 'transparent',
        color: 'inherit',
        fontSize: 11,
        lineHeight: '18px',
        textAlign: 'center',
        fontFamily: 'inherit',
      }}
    >
      {children}
    </kbd>
  );
}
