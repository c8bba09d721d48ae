import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TDisputeDto } from '../../../../src/modules/receivables/disputes/disputes.schemas.ts';
import type { TInvoiceDetailDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { currencyDigits, isAmount, toMinor } from './invoice-math.ts';

type Detail = TInvoiceDetailDto;

/** After a change on one invoice: refetch invoice lists, details and disputes. */
function useDone(messageKey: string, onClose: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return () => {
    void message.success(t(messageKey));
    void client.invalidateQueries({ queryKey: ['invoices'] });
    onClose();
  };
}

const day = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');

export function WriteOffModal({ invoice, onClose }: { invoice: Detail; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: string; date: Dayjs; kind: string; reason?: string }>();
  const done = useDone('invoices.writeOff.done', onClose);
  const digits = currencyDigits(invoice.currency);
  const openMinor = toMinor(invoice.open_amount, digits) ?? 0n;
  const mutation = useMutation({
    mutationFn: (body: { amount: string; date: string; kind: string; reason?: string }) =>
      api.post<Detail>(`/api/invoices/${invoice.id}/write-offs`, body),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  return (
    <Modal
      open
      title={t('invoices.writeOff.title', { number: invoice.number })}
      okText={t('invoices.writeOff.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: mutation.isPending, 'data-testid': 'writeoff-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: invoice.open_amount, date: dayjs(), kind: 'bad_debt' }}
        onFinish={(v) =>
          mutation.mutate({
            amount: v.amount.trim(),
            date: day(v.date),
            kind: v.kind,
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          })
        }
      >
        <Form.Item
          name="amount"
          label={t('invoices.writeOff.amount')}
          extra={t('invoices.writeOff.amountHint', {
            amount: formatMoney(invoice.open_amount, invoice.currency, locale),
          })}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const minor = isAmount(v, digits) ? toMinor(v, digits) : null;
                if (minor === null || minor <= 0n)
                  return Promise.reject(new Error(t('invoices.form.badAmount')));
                if (minor > openMinor) return Promise.reject(new Error(t('invoices.writeOff.tooMuch')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input autoFocus inputMode="decimal" addonAfter={invoice.currency} data-testid="writeoff-amount" />
        </Form.Item>
        <Form.Item name="date" label={t('invoices.writeOff.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('invoices.writeOff.kind')}>
          <Radio.Group
            options={[
              { value: 'bad_debt', label: t('invoices.wo.kind.bad_debt') },
              { value: 'small_difference', label: t('invoices.wo.kind.small_difference') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('invoices.writeOff.reason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function VoidModal({ invoice, onClose }: { invoice: Detail; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason?: string }>();
  const done = useDone('invoices.void.done', onClose);
  const mutation = useMutation({
    mutationFn: (body: { date: string; reason?: string }) =>
      api.post<Detail>(`/api/invoices/${invoice.id}/void`, body),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  return (
    <Modal
      open
      title={t('invoices.void.title', { number: invoice.number })}
      okText={t('invoices.action.void')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: mutation.isPending, 'data-testid': 'void-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('invoices.void.body')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs() }}
        onFinish={(v) =>
          mutation.mutate({ date: day(v.date), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) })
        }
      >
        <Form.Item name="date" label={t('invoices.alloc.date')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={t('invoices.void.reason')}>
          <Input autoFocus maxLength={1000} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function OpenDisputeModal({ invoice, onClose }: { invoice: Detail; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason: string }>();
  const done = useDone('invoices.dispute.opened', onClose);
  const mutation = useMutation({
    mutationFn: (body: { date: string; reason: string }) =>
      api.post<TDisputeDto>(`/api/invoices/${invoice.id}/disputes`, body),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  return (
    <Modal
      open
      title={t('invoices.dispute.title', { number: invoice.number })}
      okText={t('invoices.dispute.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'dispute-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs() }}
        onFinish={(v) => mutation.mutate({ date: day(v.date), reason: v.reason.trim() })}
      >
        <Form.Item
          name="reason"
          label={t('invoices.dispute.reason')}
          rules={[{ required: true, whitespace: true, message: t('invoices.form.required') }]}
        >
          <Input autoFocus maxLength={1000} data-testid="dispute-reason" />
        </Form.Item>
        <Form.Item name="date" label={t('invoices.dispute.date')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function ResolveDisputeModal({ dispute, onClose }: { dispute: TDisputeDto; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; resolution: string }>();
  const done = useDone('invoices.dispute.resolved', onClose);
  const mutation = useMutation({
    mutationFn: (body: { date: string; resolution: string }) =>
      api.post<TDisputeDto>(`/api/disputes/${dispute.id}/resolve`, body),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  return (
    <Modal
      open
      title={t('invoices.dispute.resolveTitle')}
      okText={t('invoices.action.resolveDispute')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'resolve-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{dispute.reason}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs() }}
        onFinish={(v) => mutation.mutate({ date: day(v.date), resolution: v.resolution.trim() })}
      >
        <Form.Item
          name="resolution"
          label={t('invoices.dispute.resolution')}
          rules={[{ required: true, whitespace: true, message: t('invoices.form.required') }]}
        >
          <Input autoFocus maxLength={1000} />
        </Form.Item>
        <Form.Item name="date" label={t('invoices.dispute.resolvedOn')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
