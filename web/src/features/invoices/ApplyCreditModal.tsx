import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Input, Modal, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { TCreditNoteDto, TInvoiceDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage, type Page } from '../../shared/api/client.ts';
import { formatDate, formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { AgingTag, Money, QueryState } from '../../shared/ui/index.ts';
import { currencyDigits, fromMinor, isAmount, toMinor } from './invoice-math.ts';

const OPEN_STATUSES = ['overdue', 'partially_paid', 'open'] as const;

/** Applies what is left of a credit note to the customer's open invoices, oldest due first. */
export function ApplyCreditModal({ note, onClose }: { note: TCreditNoteDto; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const digits = currencyDigits(note.currency);
  const available = toMinor(note.unapplied, digits) ?? 0n;
  const [amounts, setAmounts] = useState<Record<string, string>>({});

  const lists = useQueries({
    queries: OPEN_STATUSES.map((status) => ({
      queryKey: ['invoices', 'open-for-credit', note.customer.id, note.currency, status],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<TInvoiceDto>>(
          '/api/invoices',
          { customer: note.customer.id, currency: note.currency, status, sort: 'due_date', limit: 200 },
          signal,
        ),
      meta: { tables: ['invoices', 'allocations', 'write_offs', 'reversals'] },
    })),
  });
  const isLoading = lists.some((l) => l.isLoading);
  const error = lists.find((l) => l.error)?.error;
  const invoices = useMemo(
    () =>
      lists
        .flatMap((l) => l.data?.items ?? [])
        .sort((a, b) => a.due_date.localeCompare(b.due_date) || a.number.localeCompare(b.number)),
    [lists],
  );

  const entered = invoices.map((inv) => ({ inv, text: amounts[inv.id]?.trim() ?? '' }));
  let total = 0n;
  const problems = new Map<string, string>();
  for (const { inv, text } of entered) {
    if (!text) continue;
    const minor = isAmount(text, digits) ? toMinor(text, digits) : null;
    if (minor === null) problems.set(inv.id, t('invoices.form.badAmount'));
    else if (minor > (toMinor(inv.open_amount, digits) ?? 0n))
      problems.set(inv.id, t('invoices.cn.overOpen'));
    else total += minor;
  }
  const remaining = available - total;
  const rows = entered.filter((e) => e.text && (toMinor(e.text, digits) ?? 0n) > 0n);
  const canSubmit = rows.length > 0 && problems.size === 0 && remaining >= 0n;

  const autoFill = () => {
    let left = available;
    const next: Record<string, string> = {};
    for (const inv of invoices) {
      if (left <= 0n) break;
      const open = toMinor(inv.open_amount, digits) ?? 0n;
      const take = open < left ? open : left;
      if (take > 0n) next[inv.id] = fromMinor(take, digits);
      left -= take;
    }
    setAmounts(next);
  };

  const apply = useMutation({
    mutationFn: async () => {
      for (const { inv, text } of rows) {
        await api.post('/api/allocations', { credit_note: note.id, invoice: inv.id, amount: text });
      }
      return rows.length;
    },
    onSuccess: (n) => {
      void message.success(t('invoices.cn.applied', { n }));
      void client.invalidateQueries({ queryKey: ['invoices'] });
      onClose();
    },
    onError: (e) => {
      void message.error(errorMessage(e, locale));
      void client.invalidateQueries({ queryKey: ['invoices'] });
    },
  });

  return (
    <Modal
      open
      width={Math.min(860, window.innerWidth - 32)}
      title={t('invoices.cn.applyTitle', { number: note.number })}
      okText={t('invoices.cn.applySubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !canSubmit, loading: apply.isPending, 'data-testid': 'apply-credit-submit' }}
      onOk={() => apply.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'c', label: t('invoices.cn.col.customer'), children: note.customer.name },
          {
            key: 'a',
            label: t('invoices.cn.available'),
            children: <Money amount={note.unapplied} currency={note.currency} strong />,
          },
          {
            key: 'r',
            label: t('invoices.cn.remaining'),
            children: (
              <Typography.Text
                type={remaining < 0n ? 'danger' : undefined}
                strong
                data-testid="apply-remaining"
              >
                {formatMoney(fromMinor(remaining, digits), note.currency, locale)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {remaining < 0n ? (
        <Alert type="error" showIcon message={t('invoices.cn.overApplied')} style={{ marginBottom: 12 }} />
      ) : null}
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={invoices.length === 0}
        emptyText={t('invoices.cn.noOpenInvoices')}
      >
        <Button size="small" onClick={autoFill} style={{ marginBottom: 8 }}>
          {t('invoices.cn.autoFill')}
        </Button>
        <Table<TInvoiceDto>
          data-testid="apply-credit-table"
          size="middle"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content', y: 360 }}
          dataSource={invoices}
          columns={[
            { title: t('invoices.col.number'), dataIndex: 'number', key: 'n' },
            {
              title: t('invoices.col.dueDate'),
              key: 'due',
              render: (_, r) => formatDate(r.due_date, locale),
            },
            {
              title: t('invoices.col.aging'),
              key: 'aging',
              render: (_, r) => <AgingTag daysOverdue={r.days_overdue} />,
            },
            {
              title: t('invoices.col.open'),
              key: 'open',
              align: 'right',
              render: (_, r) => <Money amount={r.open_amount} currency={r.currency} />,
            },
            {
              title: t('invoices.cn.applyAmount'),
              key: 'apply',
              width: 160,
              render: (_, r) => (
                <>
                  <Input
                    aria-label={`${t('invoices.cn.applyAmount')} ${r.number}`}
                    inputMode="decimal"
                    value={amounts[r.id] ?? ''}
                    status={problems.has(r.id) ? 'error' : undefined}
                    onChange={(e) => setAmounts((m) => ({ ...m, [r.id]: e.target.value }))}
                    onPressEnter={() => canSubmit && apply.mutate()}
                  />
                  {problems.has(r.id) ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {problems.get(r.id)}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </QueryState>
    </Modal>
  );
}
