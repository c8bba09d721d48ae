import {
  App,
  AutoComplete,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd';
import { useEffect } from 'react';
import type {
  TCreateCustomerRequest,
  TCustomerDto,
  TUpdateCustomerRequest,
} from '../../../../src/modules/customers/customers.schemas.ts';
import { errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useCreateCustomer, useUpdateCustomer } from './use-customers.ts';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'AUD', 'CAD', 'KRW', 'TWD', 'CHF'];
const CHANNELS = ['email', 'phone', 'sms', 'wechat', 'letter'] as const;
const AMOUNT = /^\d+(\.\d{1,4})?$/;

type Values = {
  code?: string;
  name: string;
  legal_name?: string;
  tax_id?: string;
  country?: string;
  currency?: string;
  payment_terms_days?: number;
  credit_limit?: string;
  salesperson?: string;
  tags?: string[];
  contact_name?: string;
  contact_email?: string;
  contact_phone?: string;
  contact_channel?: (typeof CHANNELS)[number];
};

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

type Props = {
  open: boolean;
  onClose: () => void;
  /** Editing this customer; creating a new one when absent. */
  customer?: TCustomerDto | undefined;
  tagOptions?: readonly string[];
  salespeople?: readonly string[];
  onCreated?: (c: TCustomerDto) => void;
};

/** Creates a customer (with its primary contact) or edits one's master data. */
export function CustomerFormDrawer({ open, onClose, customer, tagOptions, salespeople, onCreated }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const isEdit = customer !== undefined;
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (customer) {
      form.setFieldsValue({
        name: customer.name,
        legal_name: customer.legal_name ?? undefined,
        tax_id: customer.tax_id ?? undefined,
        country: customer.country ?? undefined,
        currency: customer.currency,
        payment_terms_days: customer.payment_terms_days,
        credit_limit: customer.credit_limit ?? undefined,
        salesperson: customer.salesperson ?? undefined,
        tags: customer.tags,
      });
    } else {
      form.setFieldsValue({ payment_terms_days: 30 });
    }
  }, [open, customer, form]);

  const submit = async (v: Values) => {
    const common: TUpdateCustomerRequest = {
      name: v.name.trim(),
      legal_name: blank(v.legal_name),
      tax_id: blank(v.tax_id),
      country: blank(v.country),
      ...(v.currency ? { currency: v.currency } : {}),
      ...(v.payment_terms_days === undefined || v.payment_terms_days === null
        ? {}
        : { payment_terms_days: v.payment_terms_days }),
      credit_limit: blank(v.credit_limit),
      salesperson: blank(v.salesperson),
      tags: v.tags ?? [],
    };
    try {
      if (isEdit) {
        await update.mutateAsync(common);
        void message.success(t('customers.form.updated'));
      } else {
        const hasContact = [v.contact_name, v.contact_email, v.contact_phone].some((x) => x?.trim());
        const body: TCreateCustomerRequest = {
          ...common,
          code: (v.code ?? '').trim(),
          name: v.name.trim(),
          ...(hasContact
            ? {
                contacts: [
                  {
                    name: blank(v.contact_name),
                    email: blank(v.contact_email),
                    phone: blank(v.contact_phone),
                    preferred_channel: v.contact_channel ?? null,
                    is_primary: true,
                  },
                ],
              }
            : {}),
        };
        const created = await create.mutateAsync(body);
        void message.success(t('customers.form.created', { code: created.code }));
        onCreated?.(created);
      }
      onClose();
    } catch (e) {
      void message.error(errorMessage(e, locale));
    }
  };

  const required = [{ required: true, whitespace: true, message: t('customers.form.required') }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('customers.form.editTitle') : t('customers.form.createTitle')}
      size={560}
      destroyOnHidden
      data-testid="customer-form-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        data-testid="customer-form"
      >
        <Row gutter={16}>
          {isEdit ? null : (
            <Col xs={24} sm={10}>
              <Form.Item name="code" label={t('customers.form.code')} rules={required}>
                <Input autoFocus maxLength={64} data-testid="customer-form-code" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={isEdit ? 24 : 14}>
            <Form.Item name="name" label={t('customers.form.name')} rules={required}>
              <Input autoFocus={isEdit} maxLength={300} data-testid="customer-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="legal_name" label={t('customers.form.legalName')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="tax_id" label={t('customers.form.taxId')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="country"
              label={t('customers.form.country')}
              rules={[{ pattern: /^[A-Za-z]{2}$/, message: t('customers.form.countryInvalid') }]}
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input maxLength={2} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="currency" label={t('customers.form.currency')}>
              <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} allowClear showSearch />
            </Form.Item>
          </Col>
          <Col xs={12} sm={10}>
            <Form.Item name="payment_terms_days" label={t('customers.form.terms')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item
              name="credit_limit"
              label={t('customers.form.creditLimit')}
              rules={[{ pattern: AMOUNT, message: t('customers.form.amountInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="salesperson" label={t('customers.form.salesperson')}>
              <AutoComplete
                allowClear
                options={(salespeople ?? []).map((s) => ({ value: s, label: s }))}
                showSearch={{
                  filterOption: (input, option) =>
                    String(option?.value ?? '')
                      .toLowerCase()
                      .includes(input.toLowerCase()),
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('customers.form.tags')}>
              <Select
                mode="tags"
                placeholder={t('customers.form.tagsPlaceholder')}
                options={(tagOptions ?? []).map((s) => ({ value: s, label: s }))}
                notFoundContent={null}
              />
            </Form.Item>
          </Col>
        </Row>
        {isEdit ? null : (
          <>
            <Divider titlePlacement="start" plain>
              {t('customers.form.contact')}
            </Divider>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="contact_name" label={t('customers.form.contactName')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="contact_channel" label={t('customers.form.channel')}>
                  <Select
                    allowClear
                    options={CHANNELS.map((c) => ({ value: c, label: t(`customers.channel.${c}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="contact_email"
                  label={t('customers.form.contactEmail')}
                  rules={[{ type: 'email', message: t('customers.form.emailInvalid') }]}
                >
                  <Input type="email" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="contact_phone" label={t('customers.form.contactPhone')}>
                  <Input type="tel" maxLength={50} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="customer-form-submit">
            {isEdit ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
