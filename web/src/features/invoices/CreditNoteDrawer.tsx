import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TCreditNoteDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import type { TIssueCreditNoteRequest } from '../../../../src/modules/receivables/receivables.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { CustomerSelect } from './CustomerSelect.tsx';
import { CURRENCIES } from './InvoiceFormDrawer.tsx';
import { currencyDigits, fromMinor, isAmount, toMinor } from './invoice-math.ts';

type Values = {
  customer?: string;
  number?: string;
  date?: Dayjs;
  currency?: string;
  amount?: string;
  tax_amount?: string;
  reason?: string;
  applyNext?: boolean;
};

/** Issue a credit note (amount and tax); optionally go on to apply it to open invoices. */
export function CreditNoteDrawer({
  onClose,
  onIssued,
  canApply,
}: {
  onClose: () => void;
  onIssued: (note: TCreditNoteDto, applyNext: boolean) => void;
  canApply: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [currency, setCurrency] = useState('CNY');
  const digits = currencyDigits(currency);
  const amount = Form.useWatch('amount', form);
  const tax = Form.useWatch('tax_amount', form);
  const total = toMinor(amount, digits) ?? 0n;
  const net = total - (toMinor(tax, digits) ?? 0n);
  const [applyNext, setApplyNext] = useState(canApply);

  const issue = useMutation({
    mutationFn: (body: TIssueCreditNoteRequest) => api.post<TCreditNoteDto>('/api/credit-notes', body),
    onSuccess: (note) => {
      void message.success(t('invoices.cn.form.issued', { number: note.number }));
      void client.invalidateQueries({ queryKey: ['invoices'] });
      onIssued(note, applyNext);
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });

  const amountRule = (isRequired: boolean) => ({
    validator: (_: unknown, v: string | undefined) => {
      if (!v?.trim())
        return isRequired ? Promise.reject(new Error(t('invoices.form.required'))) : Promise.resolve();
      return isAmount(v, digits)
        ? Promise.resolve()
        : Promise.reject(new Error(t('invoices.form.badAmount')));
    },
  });

  return (
    <Drawer
      open
      title={t('invoices.cn.form.title')}
      width={Math.min(560, window.innerWidth)}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text>
            {t('invoices.cn.form.net')}: {formatMoney(fromMinor(net, digits), currency, locale)}
            {' · '}
            {t('invoices.cn.form.total')}:{' '}
            <Typography.Text strong data-testid="credit-note-form-total">
              {formatMoney(fromMinor(total, digits), currency, locale)}
            </Typography.Text>
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={issue.isPending}
              onClick={() => form.submit()}
              data-testid="credit-note-submit"
            >
              {t('invoices.cn.form.submit')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), currency: 'CNY' }}
        onFinish={(v) =>
          issue.mutate({
            customer: v.customer ?? '',
            date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
            currency: v.currency ?? currency,
            amount: (v.amount ?? '').trim(),
            ...(v.tax_amount?.trim() ? { tax_amount: v.tax_amount.trim() } : {}),
            ...(v.number?.trim() ? { number: v.number.trim() } : {}),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          })
        }
        data-testid="credit-note-form"
      >
        <Form.Item
          name="customer"
          label={t('invoices.cn.form.customer')}
          rules={[{ required: true, message: t('invoices.form.required') }]}
        >
          <CustomerSelect
            autoFocus
            style={{ width: '100%' }}
            testId="credit-note-form-customer"
            onChange={(id, c) => {
              form.setFieldValue('customer', id);
              if (c?.currency) {
                form.setFieldValue('currency', c.currency);
                setCurrency(c.currency);
              }
            }}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="date" label={t('invoices.cn.form.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="currency" label={t('invoices.cn.form.currency')}>
              <Select
                showSearch
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                onChange={setCurrency}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="amount" label={t('invoices.cn.form.amount')} rules={[amountRule(true)]}>
              <Input inputMode="decimal" addonAfter={currency} data-testid="credit-note-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="tax_amount"
              label={t('invoices.cn.form.tax')}
              dependencies={['amount']}
              rules={[
                amountRule(false),
                {
                  validator: (_, v: string | undefined) =>
                    (toMinor(v, digits) ?? 0n) > total
                      ? Promise.reject(new Error(t('invoices.cn.form.taxTooHigh')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input inputMode="decimal" addonAfter={currency} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="number" label={t('invoices.cn.form.number')} extra={t('invoices.form.numberHint')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="reason" label={t('invoices.cn.form.reason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {canApply ? (
          <Checkbox checked={applyNext} onChange={(e) => setApplyNext(e.target.checked)}>
            {t('invoices.cn.form.applyNext')}
          </Checkbox>
        ) : null}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
