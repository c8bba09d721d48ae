import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TInvoiceDetailDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import type { TIssueInvoiceRequest } from '../../../../src/modules/receivables/receivables.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { formatMoney } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { CustomerSelect } from './CustomerSelect.tsx';
import { currencyDigits, fromMinor, isAmount, lineTotals, sumLines } from './invoice-math.ts';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'AUD', 'CAD', 'CHF'];
const TAX_RATES: [string, string][] = [
  ['0', '0%'],
  ['0.01', '1%'],
  ['0.03', '3%'],
  ['0.06', '6%'],
  ['0.09', '9%'],
  ['0.13', '13%'],
];

type Line = { description?: string; quantity?: string; unit_price?: string; tax_rate?: string };
type Values = {
  customer?: string;
  number?: string;
  issue_date?: Dayjs;
  due_date?: Dayjs | null;
  currency?: string;
  po_number?: string;
  salesperson?: string;
  description?: string;
  lines?: Line[];
};

const EMPTY_LINE: Line = { description: '', quantity: '1', unit_price: '', tax_rate: '0.13' };

/** Issue an invoice: header, lines with live totals computed exactly (bigint minor units). */
export function InvoiceFormDrawer({
  onClose,
  onIssued,
}: {
  onClose: () => void;
  onIssued: (invoice: TInvoiceDetailDto) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [currency, setCurrency] = useState('CNY');
  const lines = Form.useWatch('lines', form) ?? [];
  const digits = currencyDigits(currency);
  const totals = sumLines(lines, digits);
  const money = (minor: bigint) => formatMoney(fromMinor(minor, digits), currency, locale);

  const issue = useMutation({
    mutationFn: (body: TIssueInvoiceRequest) => api.post<TInvoiceDetailDto>('/api/invoices', body),
    onSuccess: (inv) => {
      void message.success(t('invoices.form.issued', { number: inv.number }));
      void client.invalidateQueries({ queryKey: ['invoices'] });
      onIssued(inv);
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });

  const onFinish = (v: Values) => {
    const body: TIssueInvoiceRequest = {
      customer: v.customer ?? '',
      issue_date: (v.issue_date ?? dayjs()).format('YYYY-MM-DD'),
      currency: v.currency ?? currency,
      lines: (v.lines ?? []).map((l) => ({
        description: (l.description ?? '').trim(),
        quantity: (l.quantity ?? '1').trim() || '1',
        unit_price: (l.unit_price ?? '').trim(),
        tax_rate: l.tax_rate ?? '0',
      })),
      ...(v.number?.trim() ? { number: v.number.trim() } : {}),
      ...(v.due_date ? { due_date: v.due_date.format('YYYY-MM-DD') } : {}),
      ...(v.po_number?.trim() ? { po_number: v.po_number.trim() } : {}),
      ...(v.salesperson?.trim() ? { salesperson: v.salesperson.trim() } : {}),
      ...(v.description?.trim() ? { description: v.description.trim() } : {}),
    };
    issue.mutate(body);
  };

  const required = { required: true, message: t('invoices.form.required') };
  return (
    <Drawer
      open
      title={t('invoices.form.title')}
      width={Math.min(920, window.innerWidth)}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text data-testid="invoice-form-total">
            {t('invoices.form.total')}: <Typography.Text strong>{money(totals.total)}</Typography.Text>
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={issue.isPending}
              onClick={() => form.submit()}
              data-testid="invoice-form-submit"
            >
              {t('invoices.form.submit')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ issue_date: dayjs(), currency: 'CNY', lines: [EMPTY_LINE] }}
        data-testid="invoice-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="customer" label={t('invoices.form.customer')} rules={[required]}>
              <CustomerSelect
                autoFocus
                style={{ width: '100%' }}
                testId="invoice-form-customer"
                onChange={(id, c) => {
                  form.setFieldValue('customer', id);
                  if (c?.currency) {
                    form.setFieldValue('currency', c.currency);
                    setCurrency(c.currency);
                  }
                  const issued = form.getFieldValue('issue_date') as Dayjs | undefined;
                  if (c && issued && !form.getFieldValue('due_date'))
                    form.setFieldValue('due_date', issued.add(c.payment_terms_days, 'day'));
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="number" label={t('invoices.form.number')} extra={t('invoices.form.numberHint')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="issue_date" label={t('invoices.form.issueDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="due_date"
              label={t('invoices.form.dueDate')}
              extra={t('invoices.form.dueHint')}
              dependencies={['issue_date']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, due: Dayjs | null) => {
                    const issued = getFieldValue('issue_date') as Dayjs | undefined;
                    return due && issued && due.isBefore(issued, 'day')
                      ? Promise.reject(new Error(t('invoices.form.dueBeforeIssue')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="currency" label={t('invoices.form.currency')} rules={[required]}>
              <Select
                showSearch
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                onChange={setCurrency}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="po_number" label={t('invoices.form.po')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="salesperson" label={t('invoices.form.salesperson')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="description" label={t('invoices.form.description')}>
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('invoices.form.lines')}</Typography.Title>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={fields}
                scroll={{ x: 'max-content' }}
                data-testid="invoice-form-lines"
                columns={[
                  {
                    title: t('invoices.form.line.description'),
                    key: 'description',
                    width: 240,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'description']} rules={[required]} noStyle>
                        <Input aria-label={t('invoices.form.line.description')} maxLength={500} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('invoices.form.line.quantity'),
                    key: 'quantity',
                    width: 90,
                    render: (_, f) => (
                      <Form.Item
                        name={[f.name, 'quantity']}
                        noStyle
                        rules={[{ pattern: /^\d+(\.\d{1,6})?$/, message: t('invoices.form.badQuantity') }]}
                      >
                        <Input aria-label={t('invoices.form.line.quantity')} inputMode="decimal" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('invoices.form.line.price'),
                    key: 'price',
                    width: 130,
                    render: (_, f) => (
                      <Form.Item
                        name={[f.name, 'unit_price']}
                        noStyle
                        rules={[
                          required,
                          {
                            validator: (_r, v: string | undefined) =>
                              !v || isAmount(v, digits)
                                ? Promise.resolve()
                                : Promise.reject(new Error(t('invoices.form.badAmount'))),
                          },
                        ]}
                      >
                        <Input aria-label={t('invoices.form.line.price')} inputMode="decimal" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('invoices.form.line.taxRate'),
                    key: 'tax_rate',
                    width: 100,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'tax_rate']} noStyle>
                        <Select
                          aria-label={t('invoices.form.line.taxRate')}
                          style={{ width: 90 }}
                          options={TAX_RATES.map(([value, label]) => ({ value, label }))}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('invoices.form.line.amount'),
                    key: 'amount',
                    align: 'right',
                    render: (_, f) => {
                      const lt = lineTotals(lines[f.name] ?? {}, digits);
                      return lt ? money(lt.amount) : '—';
                    },
                  },
                  {
                    title: t('invoices.form.line.tax'),
                    key: 'tax',
                    align: 'right',
                    render: (_, f) => {
                      const lt = lineTotals(lines[f.name] ?? {}, digits);
                      return lt ? money(lt.tax) : '—';
                    },
                  },
                  {
                    key: 'remove',
                    width: 40,
                    render: (_, f) => (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('invoices.form.removeLine')}
                        title={t('invoices.form.removeLine')}
                        disabled={fields.length <= 1}
                        onClick={() => remove(f.name)}
                      />
                    ),
                  },
                ]}
              />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ ...EMPTY_LINE })}
                style={{ marginTop: 8 }}
                block
              >
                {t('invoices.form.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginTop: 16, maxWidth: 360, marginInlineStart: 'auto' }}
          items={[
            { key: 's', label: t('invoices.form.subtotal'), children: money(totals.subtotal) },
            { key: 't', label: t('invoices.form.tax'), children: money(totals.tax) },
            {
              key: 'g',
              label: t('invoices.form.total'),
              children: <Typography.Text strong>{money(totals.total)}</Typography.Text>,
            },
          ]}
        />
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
