import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TReceiptDto } from '../../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage } from '../../../shared/api/client.ts';
import { formatMoney } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { currencyDigits, formatMinor, parseMinor } from '../receipt-application.ts';

type ModalProps = { receipt: TReceiptDto; open: boolean; onClose: () => void };

function useReceiptMutation<B>(url: string, done: string, onClose: () => void) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<TReceiptDto>(url, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['receipts'] });
      void client.invalidateQueries({ queryKey: ['invoices'] });
      void message.success(t(done));
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
}

/** Reverse a bounced or mistaken receipt (its applications are undone with it). */
export function ReverseReceiptModal({ receipt, open, onClose }: ModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ date: Dayjs; reason?: string }>();
  const reverse = useReceiptMutation<{ date: string; reason?: string }>(
    `/api/receipts/${receipt.id}/reverse`,
    'receipts.reverse.done',
    onClose,
  );
  return (
    <Modal
      open={open}
      title={t('receipts.reverse.title', { number: receipt.number })}
      okText={t('receipts.reverse.action')}
      okButtonProps={
        { danger: true, loading: reverse.isPending, 'data-testid': 'receipt-reverse-confirm' } as never
      }
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('receipts.reverse.hint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs().isBefore(dayjs(receipt.date)) ? dayjs(receipt.date) : dayjs() }}
        onFinish={(v) =>
          reverse.mutate({
            date: v.date.format('YYYY-MM-DD'),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          })
        }
      >
        <Form.Item name="date" label={t('receipts.reverse.date')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d) => d.isBefore(dayjs(receipt.date), 'day')}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('receipts.reverse.reason')}>
          <Input autoFocus maxLength={1000} placeholder={t('receipts.reverse.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Pay back (part of) the receipt's unapplied cash to the customer. */
export function RefundModal({ receipt, open, onClose }: ModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ amount: string; date: Dayjs; reference?: string }>();
  const digits = currencyDigits(receipt.currency);
  const max = parseMinor(receipt.unapplied, digits) ?? 0n;
  const refund = useReceiptMutation<{ amount: string; date: string; reference?: string }>(
    `/api/receipts/${receipt.id}/refunds`,
    'receipts.refund.done',
    onClose,
  );
  return (
    <Modal
      open={open}
      title={t('receipts.refund.title')}
      okText={t('receipts.refund.action')}
      okButtonProps={{ loading: refund.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('receipts.refund.hint', { amount: formatMoney(receipt.unapplied, receipt.currency, locale) })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          amount: receipt.unapplied,
          date: dayjs().isBefore(dayjs(receipt.date)) ? dayjs(receipt.date) : dayjs(),
        }}
        onFinish={(v) => {
          const m = parseMinor(v.amount, digits);
          if (m === null) return;
          refund.mutate({
            amount: formatMinor(m, digits),
            date: v.date.format('YYYY-MM-DD'),
            ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
          });
        }}
      >
        <Form.Item
          name="amount"
          label={t('receipts.refund.amount')}
          rules={[
            {
              validator: (_, value: string) => {
                const m = parseMinor(value, digits);
                return m !== null && m > 0n && m <= max
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('receipts.field.amountInvalid', { digits })));
              },
            },
          ]}
        >
          <Input autoFocus inputMode="decimal" suffix={receipt.currency} />
        </Form.Item>
        <Form.Item name="date" label={t('receipts.refund.date')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d) => d.isBefore(dayjs(receipt.date), 'day')}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('receipts.refund.reference')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
