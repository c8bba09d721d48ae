import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TCustomerDto } from '../../../../src/modules/customers/customers.schemas.ts';
import type { TReceiptDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import type { TRecordReceiptRequest } from '../../../../src/modules/receivables/receivables.schemas.ts';
import { ApiError, api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader } from '../../shared/ui/index.ts';
import { ApplicationPanel } from './components/ApplicationPanel.tsx';
import { CustomerPicker } from './components/CustomerPicker.tsx';
import { type METHODS, useMethodOptions } from './components/labels.tsx';
import { currencyDigits, formatMinor, parseMinor } from './receipt-application.ts';
import { useApplication } from './use-application.ts';
import { useBaseCurrency, useCustomer, useOpenInvoices } from './use-receipts.ts';

type Values = {
  customer?: string;
  date: Dayjs;
  amount?: string;
  currency?: string;
  fx_rate?: string;
  reference?: string;
  method: (typeof METHODS)[number];
  memo?: string;
};

const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD'];

/** Record a receipt and, on the same screen, apply it to the customer's open invoices. */
export function ReceiptEntryPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [customer, setCustomer] = useState<TCustomerDto | undefined>();

  const preselect = useCustomer(params.get('customer') ?? undefined);
  useEffect(() => {
    if (!preselect.data) return;
    setCustomer(preselect.data);
    form.setFieldsValue({ customer: preselect.data.id, currency: preselect.data.currency });
  }, [preselect.data, form]);

  const currency = Form.useWatch('currency', form) ?? customer?.currency ?? 'CNY';
  const amountText = Form.useWatch('amount', form);
  const date = Form.useWatch('date', form) as Dayjs | undefined;
  const digits = currencyDigits(currency);
  const baseCurrency = useBaseCurrency();
  const isForeign = Boolean(baseCurrency && currency !== baseCurrency);
  const amountMinor = parseMinor(amountText, digits);
  const receiptDate = (date ?? dayjs()).format('YYYY-MM-DD');

  const invoices = useOpenInvoices(customer?.id, customer ? currency : undefined, receiptDate);
  const app = useApplication(invoices.data, amountMinor, currency);
  const { reset } = app;
  // A new customer or currency starts over from the suggestions.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets on purpose when these change
  useEffect(() => reset(), [customer?.id, currency, reset]);

  const save = useMutation({
    mutationFn: (body: TRecordReceiptRequest) => api.post<TReceiptDto>('/api/receipts', body),
    onSuccess: (receipt) => {
      void client.invalidateQueries({ queryKey: ['receipts'] });
      void client.invalidateQueries({ queryKey: ['invoices'] });
      void message.success(t('receipts.saved', { number: receipt.number }));
      void navigate(`/receipts/${receipt.id}`);
    },
    onError: (e) => {
      void message.error(errorMessage(e, locale));
      if (e instanceof ApiError && e.code === 'EXCHANGE_RATE_MISSING')
        form.setFields([{ name: 'fx_rate', errors: [errorMessage(e, locale)] }]);
    },
  });

  const onFinish = (v: Values) => {
    if (!v.customer || amountMinor === null || amountMinor <= 0n || !app.isValid) return;
    save.mutate({
      customer: v.customer,
      date: v.date.format('YYYY-MM-DD'),
      amount: formatMinor(amountMinor, digits),
      currency,
      method: v.method,
      ...(isForeign && v.fx_rate?.trim() ? { fx_rate: v.fx_rate.trim() } : {}),
      ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
      ...(v.memo?.trim() ? { memo: v.memo.trim() } : {}),
      applications: app.applications.map(({ invoice, amount }) => ({ invoice, amount })),
    });
  };

  const methodOptions = useMethodOptions();
  const currencies = [...new Set([customer?.currency ?? 'CNY', ...COMMON_CURRENCIES])];
  const required = (field: string) => ({ required: true, message: t('receipts.field.required', { field }) });

  return (
    <>
      <PageHeader title={t('receipts.new.title')} subtitle={t('receipts.new.subtitle')} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ date: dayjs(), method: 'bank_transfer' }}
        onFinish={onFinish}
        data-testid="receipt-form"
      >
        <Card
          title={t('receipts.new.details')}
          style={{ marginBottom: 16 }}
          styles={{ body: { paddingBottom: 0 } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={24} lg={10}>
              <Form.Item
                name="customer"
                label={t('receipts.field.customer')}
                rules={[required(t('receipts.field.customer'))]}
              >
                <CustomerPicker
                  testId="receipt-customer"
                  autoFocus
                  selected={customer}
                  onChange={(_, c) => {
                    setCustomer(c);
                    if (c) form.setFieldValue('currency', c.currency);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} lg={7}>
              <Form.Item
                name="date"
                label={t('receipts.field.date')}
                rules={[required(t('receipts.field.date'))]}
              >
                <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="receipt-date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} lg={7}>
              <Form.Item
                name="amount"
                label={t('receipts.field.amount')}
                rules={[
                  required(t('receipts.field.amount')),
                  {
                    validator: (_, value: string | undefined) => {
                      if (!value) return Promise.resolve();
                      const m = parseMinor(value, digits);
                      return m !== null && m > 0n
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('receipts.field.amountInvalid', { digits })));
                    },
                  },
                ]}
              >
                <Input
                  data-testid="receipt-amount"
                  inputMode="decimal"
                  placeholder={formatMinor(0n, digits)}
                  suffix={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{currency}</span>}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Form.Item name="currency" label={t('receipts.field.currency')}>
                <Select
                  data-testid="receipt-currency"
                  options={currencies.map((c) => ({ value: c, label: c }))}
                  showSearch
                />
              </Form.Item>
            </Col>
            {isForeign ? (
              <Col xs={12} md={8} lg={5}>
                <Form.Item
                  name="fx_rate"
                  label={t('receipts.field.fxRate', { base: baseCurrency ?? '' })}
                  tooltip={t('receipts.field.fxRateHelp')}
                  rules={[
                    {
                      pattern: /^\s*\d+(\.\d+)?\s*$/,
                      message: t('receipts.field.fxRateInvalid'),
                    },
                  ]}
                >
                  <Input
                    data-testid="receipt-fx-rate"
                    inputMode="decimal"
                    placeholder={t('receipts.field.fxRateHelp')}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={12} md={8} lg={5}>
              <Form.Item name="method" label={t('receipts.field.method')}>
                <Select data-testid="receipt-method" options={methodOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} lg={7}>
              <Form.Item name="reference" label={t('receipts.field.reference')}>
                <Input
                  data-testid="receipt-reference"
                  placeholder={t('receipts.field.referencePlaceholder')}
                  maxLength={500}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={24} lg={8}>
              <Form.Item name="memo" label={t('receipts.field.memo')}>
                <Input data-testid="receipt-memo" maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <ApplicationPanel
          app={app}
          currency={currency}
          amountMinor={amountMinor}
          amountLabel="receipts.summary.amount"
          title={t('receipts.apply.title')}
          query={customer ? invoices : { isLoading: false, error: null, refetch: () => undefined }}
          emptyText={customer ? t('receipts.apply.noOpen', { currency }) : t('receipts.apply.selectCustomer')}
          footer={
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={!app.isValid}
              data-testid="receipt-save"
            >
              {t('receipts.save')}
            </Button>
          }
        />
      </Form>
    </>
  );
}
