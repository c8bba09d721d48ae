import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, type FormInstance, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { TDisputeDto } from '../../../../src/modules/receivables/disputes/disputes.schemas.ts';
import type { TInvoiceDetailDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { currencyDigits, isAmount, toMinor } from './invoice-math.ts';

type Detail = TInvoiceDetailDto;

const day = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');
const trimmedReason = (reason: string | undefined) => (reason?.trim() ? { reason: reason.trim() } : {});

type ActionModalProps<V> = {
  title: string;
  okText: string;
  /** The submit button's data-testid. */
  testId: string;
  isDanger?: boolean;
  /** Where the form posts, and what it sends. */
  path: string;
  toBody: (values: V) => unknown;
  /** The success message's catalogue key. */
  doneKey: string;
  initialValues: Partial<V>;
  onClose: () => void;
  intro?: ReactNode;
  children: (form: FormInstance<V>) => ReactNode;
};

/**
 * One invoice action as a modal form: Enter or OK posts it, a failure is shown in the user's
 * language, success refetches invoice lists and details and closes.
 */
function ActionModal<V>(props: ActionModalProps<V>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const mutation = useMutation({
    mutationFn: (body: unknown) => api.post(props.path, body),
    onSuccess: () => {
      void message.success(t(props.doneKey));
      void client.invalidateQueries({ queryKey: ['invoices'] });
      props.onClose();
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.isDanger, loading: mutation.isPending, 'data-testid': props.testId }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.intro}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(v) => mutation.mutate(props.toBody(v))}
      >
        {props.children(form)}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function WriteOffModal({ invoice, onClose }: { invoice: Detail; onClose: () => void }) {
  const { t, locale } = useI18n();
  const digits = currencyDigits(invoice.currency);
  const openMinor = toMinor(invoice.open_amount, digits) ?? 0n;
  return (
    <ActionModal<{ amount: string; date: Dayjs; kind: string; reason?: string }>
      title={t('invoices.writeOff.title', { number: invoice.number })}
      okText={t('invoices.writeOff.submit')}
      testId="writeoff-submit"
      isDanger
      path={`/api/invoices/${invoice.id}/write-offs`}
      toBody={(v) => ({
        amount: v.amount.trim(),
        date: day(v.date),
        kind: v.kind,
        ...trimmedReason(v.reason),
      })}
      doneKey="invoices.writeOff.done"
      initialValues={{ amount: invoice.open_amount, date: dayjs(), kind: 'bad_debt' }}
      onClose={onClose}
    >
      {() => (
        <>
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
            <Input
              autoFocus
              inputMode="decimal"
              addonAfter={invoice.currency}
              data-testid="writeoff-amount"
            />
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
        </>
      )}
    </ActionModal>
  );
}

export function VoidModal({ invoice, onClose }: { invoice: Detail; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ActionModal<{ date: Dayjs; reason?: string }>
      title={t('invoices.void.title', { number: invoice.number })}
      okText={t('invoices.action.void')}
      testId="void-submit"
      isDanger
      path={`/api/invoices/${invoice.id}/void`}
      toBody={(v) => ({ date: day(v.date), ...trimmedReason(v.reason) })}
      doneKey="invoices.void.done"
      initialValues={{ date: dayjs() }}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t('invoices.void.body')}</Typography.Paragraph>}
    >
      {() => (
        <>
          <Form.Item name="date" label={t('invoices.alloc.date')}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="reason" label={t('invoices.void.reason')}>
            <Input autoFocus maxLength={1000} />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** A required text and a date: opening a dispute and resolving one ask the same. */
function TextAndDate({
  name,
  label,
  dateLabel,
  testId,
}: {
  name: string;
  label: string;
  dateLabel: string;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        rules={[{ required: true, whitespace: true, message: t('invoices.form.required') }]}
      >
        <Input autoFocus maxLength={1000} {...(testId ? { 'data-testid': testId } : {})} />
      </Form.Item>
      <Form.Item name="date" label={dateLabel}>
        <DatePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
    </>
  );
}

export function OpenDisputeModal({ invoice, onClose }: { invoice: Detail; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ActionModal<{ date: Dayjs; reason: string }>
      title={t('invoices.dispute.title', { number: invoice.number })}
      okText={t('invoices.dispute.submit')}
      testId="dispute-submit"
      path={`/api/invoices/${invoice.id}/disputes`}
      toBody={(v) => ({ date: day(v.date), reason: v.reason.trim() })}
      doneKey="invoices.dispute.opened"
      initialValues={{ date: dayjs() }}
      onClose={onClose}
    >
      {() => (
        <TextAndDate
          name="reason"
          label={t('invoices.dispute.reason')}
          dateLabel={t('invoices.dispute.date')}
          testId="dispute-reason"
        />
      )}
    </ActionModal>
  );
}

export function ResolveDisputeModal({ dispute, onClose }: { dispute: TDisputeDto; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ActionModal<{ date: Dayjs; resolution: string }>
      title={t('invoices.dispute.resolveTitle')}
      okText={t('invoices.action.resolveDispute')}
      testId="resolve-submit"
      path={`/api/disputes/${dispute.id}/resolve`}
      toBody={(v) => ({ date: day(v.date), resolution: v.resolution.trim() })}
      doneKey="invoices.dispute.resolved"
      initialValues={{ date: dayjs() }}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{dispute.reason}</Typography.Paragraph>}
    >
      {() => (
        <TextAndDate
          name="resolution"
          label={t('invoices.dispute.resolution')}
          dateLabel={t('invoices.dispute.resolvedOn')}
        />
      )}
    </ActionModal>
  );
}
