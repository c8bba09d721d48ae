import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { TReceiptDto } from '../../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage } from '../../../shared/api/client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { currencyDigits, parseMinor } from '../receipt-application.ts';
import { useApplication } from '../use-application.ts';
import { useOpenInvoices } from '../use-receipts.ts';
import { ApplicationPanel } from './ApplicationPanel.tsx';

/** Applies what is left of the receipt to further open invoices (one allocation per invoice). */
export function ApplyMore({ receipt }: { receipt: TReceiptDto }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const digits = currencyDigits(receipt.currency);
  const available = parseMinor(receipt.unapplied, digits) ?? 0n;
  const invoices = useOpenInvoices(receipt.customer.id, receipt.currency);
  const app = useApplication(invoices.data, available, receipt.currency);
  const apply = useMutation({
    mutationFn: async (list: { invoice: string; amount: string }[]) => {
      let done = 0;
      try {
        for (const a of list) {
          await api.post('/api/allocations', { receipt: receipt.id, invoice: a.invoice, amount: a.amount });
          done += 1;
        }
      } catch (e) {
        throw Object.assign(e as Error, { done });
      }
      return done;
    },
    onSuccess: (count) => {
      app.reset();
      void message.success(t('receipts.applyMore.saved', { count }));
    },
    onError: (e) => {
      const done = (e as { done?: number }).done ?? 0;
      void message.error(
        done > 0
          ? `${t('receipts.applyMore.partial', { count: done })}: ${errorMessage(e, locale)}`
          : errorMessage(e, locale),
      );
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['receipts'] });
      void client.invalidateQueries({ queryKey: ['invoices'] });
    },
  });
  const submit = () => {
    if (app.applications.length === 0) {
      void message.warning(t('receipts.applyMore.nothing'));
      return;
    }
    if (app.isValid) apply.mutate(app.applications.map(({ invoice, amount }) => ({ invoice, amount })));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ApplicationPanel
        app={app}
        currency={receipt.currency}
        amountMinor={available}
        amountLabel="receipts.summary.available"
        title={t('receipts.apply.moreTitle')}
        query={invoices}
        emptyText={t('receipts.apply.noOpen', { currency: receipt.currency })}
        footer={
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            icon={<CheckOutlined />}
            loading={apply.isPending}
            disabled={!app.isValid || app.applications.length === 0}
            data-testid="receipt-apply-save"
          >
            {t('receipts.applyMore.save')}
          </Button>
        }
      />
    </form>
  );
}
