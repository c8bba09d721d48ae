import { App, Form, Input, Modal, Select } from 'antd';
import type { TCreateBankAccountRequest } from '../../../../../src/modules/banking/banking.schemas.ts';
import { errorMessage } from '../../../shared/api/client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { type BankAccount, useCreateBankAccount } from '../use-banking.ts';

const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY', 'SGD', 'AUD', 'CHF'];
const IDENTIFIER = /^[\p{L}\p{N}\s-]{4,64}$/u;

type Values = { name: string; currency: string; iban?: string; number?: string };

/** A new bank account: its name, currency and IBAN or account number. */
export function AddAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (account: BankAccount) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateBankAccount();

  const submit = (v: Values) => {
    const body: TCreateBankAccountRequest = {
      name: v.name.trim(),
      currency: v.currency,
      iban: v.iban?.trim() || null,
      number: v.number?.trim() || null,
    };
    create.mutate(body, {
      onSuccess: (account) => {
        void message.success(t('banking.account.added'));
        form.resetFields();
        onCreated(account);
      },
      onError: (e) => void message.error(errorMessage(e, locale)),
    });
  };

  const identifierRule = {
    validator: (_: unknown, value: string | undefined) =>
      !value?.trim() || IDENTIFIER.test(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('banking.account.identifierInvalid'))),
  };

  return (
    <Modal
      open={open}
      title={t('banking.account.add')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ currency: 'CNY' }}
        onFinish={submit}
        data-testid="bank-account-form"
      >
        <Form.Item
          name="name"
          label={t('banking.account.name')}
          rules={[{ required: true, whitespace: true, message: t('banking.account.nameRequired') }]}
        >
          <Input autoFocus maxLength={200} placeholder={t('banking.account.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="currency"
          label={t('banking.account.currency')}
          rules={[{ required: true, message: t('banking.account.currencyRequired') }]}
        >
          <Select showSearch options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('banking.account.number')}
          extra={t('banking.account.identifierHint')}
          dependencies={['iban']}
          rules={[
            identifierRule,
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value?.trim() || String(getFieldValue('iban') ?? '').trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('banking.account.identifierRequired'))),
            }),
          ]}
        >
          <Input maxLength={64} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item name="iban" label={t('banking.account.iban')} rules={[identifierRule]}>
          <Input maxLength={64} onPressEnter={() => form.submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
