import {
  ArrowRightOutlined,
  CheckCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { AgingTag, Money } from '../../../shared/ui/index.ts';
import { currencyDigits, formatMinor, parseMinor } from '../../receipts/receipt-application.ts';
import { reasonText, writtenReferences } from '../reason-text.ts';
import type { ProposalBrief, ReviewItem } from '../use-banking.ts';
import { ConfidenceBar, Highlighted } from './bits.tsx';

const WARN_BG = '#fff7e6';
const OK_BG = '#f6ffed';
const CAUTION = new Set([
  'partial',
  'overpayment',
  'ambiguous',
  'currency_mismatch',
  'amount_within_tolerance',
]);

/** Whole days from one business date to another (UTC, so no time zone shifts a day). */
function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

function normaliseName(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

type Props = {
  item: ReviewItem;
  /** Best suggestion first, then the alternatives (an unmatched line's candidates). */
  options: readonly ProposalBrief[];
  shown: number;
  onShow: (index: number) => void;
  /** The line has a confident suggestion (the "to review" queue) rather than mere candidates. */
  hasSuggestion: boolean;
  actions: ReactNode;
};

/** The bank line on the left, what it is proposed to pay on the right, and why. */
export function ComparePanel({ item, options, shown, onShow, hasSuggestion, actions }: Props) {
  const { t, locale } = useI18n();
  const proposal = options[shown] ?? null;
  const names = new Map(
    options.flatMap((o) => (o.customer ? [[o.customer.id, o.customer.name] as const] : [])),
  );
  const reasons = proposal?.reasons ?? [];
  const codes = new Set(reasons.map((r) => r.code));
  const marks = writtenReferences(reasons);

  const customer = proposal?.customer ?? null;
  const sameName = customer && normaliseName(customer.name) === normaliseName(item.counterparty_name);

  const payerTag = !customer ? null : codes.has('payer_alias') ? (
    <Tag color="green">{t('banking.compare.aliasKnown')}</Tag>
  ) : sameName ? (
    <Tag color="green">{t('banking.compare.nameSame')}</Tag>
  ) : (
    <Tag color="orange" data-testid="bank-name-differs">
      {t('banking.compare.nameDiffers')}
    </Tag>
  );

  const left = (
    <Card
      size="small"
      title={t('banking.compare.bankLine')}
      style={{ height: '100%' }}
      styles={{ header: { background: '#fafafa' } }}
    >
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('banking.compare.amount')}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(item.amount, item.currency, locale)}
        </Typography.Text>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'payer',
            label: t('banking.compare.payerName'),
            children: (
              <Flex gap={6} wrap align="center">
                <Typography.Text
                  strong={Boolean(item.counterparty_name)}
                  type={item.counterparty_name ? undefined : 'secondary'}
                >
                  {item.counterparty_name ?? t('banking.line.noPayer')}
                </Typography.Text>
                {payerTag}
              </Flex>
            ),
          },
          {
            key: 'account',
            label: t('banking.compare.payerAccount'),
            children: (
              <Flex gap={6} wrap align="center">
                <Typography.Text
                  copyable={Boolean(item.counterparty_account)}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {item.counterparty_account ?? '—'}
                </Typography.Text>
                {codes.has('payer_account') ? (
                  <Tag color="green">{t('banking.compare.accountKnown')}</Tag>
                ) : null}
              </Flex>
            ),
          },
          { key: 'date', label: t('banking.compare.date'), children: formatDate(item.booking_date, locale) },
          {
            key: 'remittance',
            label: t('banking.compare.remittance'),
            children: item.remittance ? (
              <Flex vertical gap={4}>
                <Typography.Text data-testid="bank-remittance" style={{ wordBreak: 'break-word' }}>
                  <Highlighted text={item.remittance} marks={marks} />
                </Typography.Text>
                {marks.length > 0 && (codes.has('reference_exact') || codes.has('reference_fuzzy')) ? (
                  <span>
                    <Tag color={codes.has('reference_exact') ? 'green' : 'gold'}>
                      {t('banking.compare.referenceFound')}
                    </Tag>
                  </span>
                ) : null}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('banking.line.noRemittance')}</Typography.Text>
            ),
          },
          ...(item.bank_reference
            ? [{ key: 'ref', label: t('banking.compare.bankReference'), children: item.bank_reference }]
            : []),
        ]}
      />
    </Card>
  );

  const right = (
    <Card
      size="small"
      style={{ height: '100%' }}
      styles={{ header: { background: '#fafafa' } }}
      title={
        <Flex gap={8} align="center" wrap>
          <span>
            {shown === 0 && hasSuggestion
              ? t('banking.compare.proposal')
              : t('banking.compare.alternative', {
                  index: hasSuggestion ? shown : shown + 1,
                  count: hasSuggestion ? options.length - 1 : options.length,
                })}
          </span>
        </Flex>
      }
      extra={proposal ? <ConfidenceBar value={proposal.confidence} /> : null}
    >
      {proposal && customer ? (
        <ProposalBody item={item} proposal={proposal} marks={marks} />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={hasSuggestion ? t('banking.compare.noCustomer') : t('banking.compare.noSuggestion')}
        />
      )}
    </Card>
  );

  return (
    <Flex vertical gap={12} data-testid="bank-compare" data-line={item.id}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={10}>
          {left}
        </Col>
        <Col xs={24} md={14}>
          {right}
        </Col>
      </Row>
      {shown > 0 && hasSuggestion ? (
        <Alert
          type="info"
          showIcon
          title={t('banking.compare.altNote')}
          action={
            <Button size="small" onClick={() => onShow(0)}>
              {t('banking.compare.backToBest')}
            </Button>
          }
        />
      ) : null}
      {actions}
      {proposal && reasons.length > 0 ? (
        <Card size="small" title={t('banking.compare.reasons')}>
          <Flex vertical gap={6} data-testid="bank-reasons">
            {reasons.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id and keep their order
              <Flex key={i} gap={8} align="baseline">
                {CAUTION.has(r.code) ? (
                  <ExclamationCircleFilled style={{ color: '#faad14' }} />
                ) : (
                  <CheckCircleFilled style={{ color: '#52c41a' }} />
                )}
                <Typography.Text>
                  {reasonText(r, { t, locale, line: item, customerName: (id) => names.get(id) ?? null })}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
      {options.length > 1 || (!hasSuggestion && options.length > 0) ? (
        <Card
          size="small"
          title={
            <Flex gap={8} align="center">
              <SwapOutlined />
              {hasSuggestion ? t('banking.compare.alternatives') : t('banking.compare.candidates')}
            </Flex>
          }
        >
          <List
            size="small"
            dataSource={options.map((o, index) => ({ o, index }))}
            renderItem={({ o, index }) => (
              <List.Item
                data-testid="bank-alternative"
                style={index === shown ? { background: '#e6f4ff', paddingInline: 8 } : { paddingInline: 8 }}
                actions={[
                  index === shown ? (
                    <Tag key="shown" color="blue">
                      {t('banking.compare.showing')}
                    </Tag>
                  ) : (
                    <Button
                      key="show"
                      size="small"
                      icon={<ArrowRightOutlined />}
                      onClick={() => onShow(index)}
                    >
                      {t('banking.compare.switchTo')}
                    </Button>
                  ),
                ]}
              >
                <Flex gap={12} align="center" wrap style={{ minWidth: 0 }}>
                  <ConfidenceBar value={o.confidence} width={88} />
                  <Typography.Text strong>
                    {o.customer ? o.customer.name : t('banking.compare.noCustomer')}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {o.allocations.length === 0
                      ? t('banking.compare.onAccount')
                      : o.allocations.length <= 3
                        ? o.allocations
                            .map((a) => a.invoice?.number ?? '—')
                            .join(locale === 'zh-CN' ? '、' : ', ')
                        : t('banking.compare.invoices', { count: o.allocations.length })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Flex>
  );
}

/** The proposed customer and the invoices it pays, differences from the bank line highlighted. */
function ProposalBody({
  item,
  proposal,
  marks,
}: {
  item: ReviewItem;
  proposal: ProposalBrief;
  marks: readonly string[];
}) {
  const { t, locale } = useI18n();
  const digits = currencyDigits(item.currency);
  const minor = (s: string | null | undefined) => parseMinor(s ?? '0', digits) ?? 0n;
  const money = (m: bigint) => formatMoney(formatMinor(m, digits), item.currency, locale);
  const customer = proposal.customer;
  const lineMinor = minor(item.amount);
  let openTotal = 0n;
  let appliedTotal = 0n;
  for (const a of proposal.allocations) {
    openTotal += minor(a.invoice?.open_amount ?? a.amount);
    appliedTotal += minor(a.amount);
  }
  const differenceMinor = minor(proposal.difference.replace('-', ''));
  const unappliedMinor = minor(proposal.unapplied);
  const totalsMatch = openTotal === lineMinor;

  return (
    <Flex vertical gap={12}>
      {customer ? (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('banking.compare.customer')}
          </Typography.Text>
          <Flex gap={8} align="baseline" wrap>
            <Link to={`/customers/${customer.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
              {customer.name}
            </Link>
            <Typography.Text type="secondary">{customer.code}</Typography.Text>
          </Flex>
        </Flex>
      ) : null}
      {proposal.allocations.length === 0 ? (
        <Alert type="info" showIcon icon={<InfoCircleFilled />} title={t('banking.compare.onAccount')} />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table
            data-testid="bank-compare-invoices"
            style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}
          >
            <thead>
              <tr style={{ color: 'rgba(0,0,0,0.55)', textAlign: 'left' }}>
                <th style={th}>
                  {t('banking.compare.invoice')} · {t('banking.compare.due')}
                </th>
                <th style={{ ...th, textAlign: 'right' }}>{t('banking.compare.open')}</th>
                <th style={{ ...th, textAlign: 'right' }}>{t('banking.compare.applied')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.allocations.map((a) => {
                const inv = a.invoice;
                const open = minor(inv?.open_amount ?? null);
                const applied = minor(a.amount);
                const differs = inv !== null && applied !== open;
                return (
                  <tr key={a.invoice_id} style={{ borderTop: '1px solid #f0f0f0' }}>
                    <td style={td}>
                      {inv ? (
                        <Flex vertical gap={2} align="start">
                          <Link to={`/invoices/${inv.id}`} style={{ whiteSpace: 'nowrap' }}>
                            <Highlighted
                              text={inv.number}
                              marks={marks.includes(inv.number) ? [inv.number] : []}
                            />
                          </Link>
                          <Flex gap={6} align="center" wrap>
                            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                              {formatDate(inv.due_date, locale)}
                            </Typography.Text>
                            <AgingTag
                              daysOverdue={Math.max(0, daysBetween(inv.due_date, item.booking_date))}
                            />
                          </Flex>
                        </Flex>
                      ) : (
                        <Tag color="red">{t('banking.compare.invoiceGone')}</Tag>
                      )}
                    </td>
                    <td style={{ ...td, textAlign: 'right' }}>
                      {inv ? <Money amount={inv.open_amount} currency={inv.currency} /> : '—'}
                    </td>
                    <td
                      style={{ ...td, textAlign: 'right', background: differs ? WARN_BG : OK_BG }}
                      data-differs={differs ? 'true' : 'false'}
                    >
                      <Money amount={a.amount} currency={item.currency} strong />
                      {differs ? (
                        <div>
                          <Typography.Text type="warning" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                            {applied < open && differenceMinor !== 0n && open - applied <= differenceMinor
                              ? t('banking.compare.writeOff', { amount: money(open - applied) })
                              : applied < open
                                ? t('banking.compare.partOfOpen', { amount: money(open - applied) })
                                : t('banking.compare.amountDiffers', { amount: money(applied - open) })}
                          </Typography.Text>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Flex vertical gap={4} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Figure label={t('banking.compare.totalOpen')} value={money(openTotal)} />
        <Figure label={t('banking.compare.amount')} value={money(lineMinor)} />
        <Figure label={t('banking.compare.totalApplied')} value={money(appliedTotal)} />
        {totalsMatch ? (
          <Flex justify="flex-end">
            <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
              {t('banking.compare.amountMatches')}
            </Tag>
          </Flex>
        ) : null}
        {differenceMinor !== 0n ? (
          <Figure
            label={t('banking.compare.difference')}
            value={formatMoney(proposal.difference, item.currency, locale)}
            tone="warning"
            testId="bank-difference"
          />
        ) : null}
        {unappliedMinor !== 0n ? (
          <Figure
            label={t('banking.compare.unapplied')}
            value={money(unappliedMinor)}
            tone="warning"
            testId="bank-unapplied"
          />
        ) : null}
      </Flex>
    </Flex>
  );
}

const th: React.CSSProperties = { padding: '4px 6px', fontWeight: 500, whiteSpace: 'nowrap' };
const td: React.CSSProperties = { padding: '6px', verticalAlign: 'top' };

function Figure({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'warning';
  testId?: string;
}) {
  return (
    <Flex justify="space-between" gap={12} data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text
        strong
        type={tone}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {value}
      </Typography.Text>
    </Flex>
  );
}
