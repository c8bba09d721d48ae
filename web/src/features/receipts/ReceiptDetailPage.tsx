import { ArrowLeftOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TReceiptDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { Money, PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { ApplyMore } from './components/ApplyMore.tsx';
import { methodLabel, ReceiptStateTag } from './components/labels.tsx';
import { RefundModal, ReverseReceiptModal } from './components/ReceiptActions.tsx';
import { AllocationsCard } from './components/ReceiptAllocations.tsx';
import { currencyDigits, parseMinor } from './receipt-application.ts';
import { useBaseCurrency, useReceipt } from './use-receipts.ts';

/** One receipt: its amounts, where it was applied, and what can still be done with it. */
export function ReceiptDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const receipt = useReceipt(id);
  return (
    <QueryState isLoading={receipt.isLoading} error={receipt.error} onRetry={() => void receipt.refetch()}>
      {receipt.data ? (
        <ReceiptDetail receipt={receipt.data} />
      ) : (
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/receipts')}>
          {t('receipts.detail.backToList')}
        </Button>
      )}
    </QueryState>
  );
}

function ReceiptDetail({ receipt }: { receipt: TReceiptDto }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [modal, setModal] = useState<'reverse' | 'refund' | null>(null);
  const digits = currencyDigits(receipt.currency);
  const unappliedMinor = parseMinor(receipt.unapplied, digits) ?? 0n;
  const isReversed = Boolean(receipt.reversed_on);
  const canWrite = session.can('receipts.write');
  const canApply = session.can('receipts.apply');
  const cur = receipt.currency;
  const baseCurrency = useBaseCurrency() ?? (receipt.fx_rate === '1' ? cur : undefined);

  return (
    <>
      <PageHeader
        title={
          <Space size={12} wrap>
            <span>{t('receipts.detail.title', { number: receipt.number })}</span>
            <ReceiptStateTag receipt={receipt} />
          </Space>
        }
        subtitle={
          <Link to={`/customers/${receipt.customer.id}`}>
            {receipt.customer.name} · {receipt.customer.code}
          </Link>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/receipts')}>
              {t('receipts.detail.backToList')}
            </Button>
            {canWrite && !isReversed && unappliedMinor > 0n ? (
              <Button
                icon={<RollbackOutlined />}
                onClick={() => setModal('refund')}
                data-testid="receipt-refund"
              >
                {t('receipts.refund.action')}
              </Button>
            ) : null}
            {canWrite && !isReversed ? (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setModal('reverse')}
                data-testid="receipt-reverse"
              >
                {t('receipts.reverse.action')}
              </Button>
            ) : null}
          </>
        }
      />
      {isReversed ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('receipts.detail.reversedBanner', { date: formatDate(receipt.reversed_on, locale) })}
        />
      ) : null}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ['receipts.col.amount', receipt.amount, undefined],
            ['receipts.col.applied', receipt.applied, undefined],
            ['receipts.col.refunded', receipt.refunded, undefined],
            ['receipts.col.unapplied', receipt.unapplied, unappliedMinor > 0n ? '#d46b08' : undefined],
          ] as const
        ).map(([label, amount, color]) => (
          <Col key={label} xs={12} lg={6}>
            <Card size="small" data-testid={`receipt-figure-${label.split('.').pop()}`}>
              <Statistic
                title={t(label)}
                value={formatMoney(amount, cur, locale)}
                styles={{
                  content: { fontSize: 22, fontVariantNumeric: 'tabular-nums', ...(color ? { color } : {}) },
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Card title={t('receipts.detail.summary')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'date', label: t('receipts.col.date'), children: formatDate(receipt.date, locale) },
            { key: 'method', label: t('receipts.col.method'), children: methodLabel(t, receipt.method) },
            { key: 'reference', label: t('receipts.col.reference'), children: receipt.reference || '—' },
            {
              key: 'base',
              label: t('receipts.detail.baseAmount'),
              children: baseCurrency ? (
                <Money amount={receipt.base_amount} currency={baseCurrency} />
              ) : (
                receipt.base_amount
              ),
            },
            { key: 'fx', label: t('receipts.detail.fxRate'), children: receipt.fx_rate },
            {
              key: 'created',
              label: t('receipts.detail.recordedAt'),
              children: formatDateTime(receipt.created_at, locale),
            },
            { key: 'memo', label: t('receipts.detail.memo'), children: receipt.memo || '—', span: 'filled' },
          ]}
        />
      </Card>

      <AllocationsCard receipt={receipt} canApply={canApply && !isReversed} />

      {canApply && !isReversed && unappliedMinor > 0n ? <ApplyMore receipt={receipt} /> : null}

      <ReverseReceiptModal receipt={receipt} open={modal === 'reverse'} onClose={() => setModal(null)} />
      <RefundModal receipt={receipt} open={modal === 'refund'} onClose={() => setModal(null)} />
    </>
  );
}
