import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Descriptions, Drawer, Empty, Flex, Form, Grid, Typography } from 'antd';
import { useState } from 'react';
import type { TCustomerDto } from '../../../../../src/modules/customers/customers.schemas.ts';
import { errorMessage } from '../../../shared/api/client.ts';
import { formatDate, formatMoney } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ApplicationPanel } from '../../receipts/components/ApplicationPanel.tsx';
import { CustomerPicker } from '../../receipts/components/CustomerPicker.tsx';
import { currencyDigits, parseMinor } from '../../receipts/receipt-application.ts';
import { useApplication } from '../../receipts/use-application.ts';
import { useCustomer, useOpenInvoices } from '../../receipts/use-receipts.ts';
import { type ReviewItem, useConfirmMatch } from '../use-banking.ts';

type Props = {
  item: ReviewItem | null;
  /** The customer to start from (the suggestion's), if any. */
  customerId?: string | undefined;
  onClose: () => void;
  onDone: () => void;
};

/** Books a bank line by hand: the customer who paid and what it pays, as on receipt entry. */
export function MatchByHandDrawer({ item, customerId, onClose, onDone }: Props) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      title={t('banking.hand.title')}
      size={screens.lg ? 960 : '100%'}
      destroyOnHidden
      data-testid="bank-hand-drawer"
    >
      {item ? (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              {
                key: 'amount',
                label: t('banking.hand.lineAmount'),
                children: (
                  <Typography.Text strong>{formatMoney(item.amount, item.currency, locale)}</Typography.Text>
                ),
              },
              { key: 'date', label: t('banking.col.date'), children: formatDate(item.booking_date, locale) },
              { key: 'payer', label: t('banking.col.payer'), children: item.counterparty_name ?? '—' },
              { key: 'text', label: t('banking.col.remittance'), children: item.remittance ?? '—' },
            ]}
          />
          <HandForm item={item} initialCustomer={customerId} onDone={onDone} />
        </Flex>
      ) : null}
    </Drawer>
  );
}

function HandForm({
  item,
  initialCustomer,
  onDone,
}: {
  item: ReviewItem;
  initialCustomer: string | undefined;
  onDone: () => void;
}) {
  const t = useI18n().t;
  const [customer, setCustomer] = useState<string | undefined>(initialCustomer);
  const [picked, setPicked] = useState<TCustomerDto | undefined>(undefined);
  const known = useCustomer(customer && !picked ? customer : undefined);
  const selected = picked ?? known.data;
  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item
          label={t('banking.hand.customer')}
          htmlFor="bank-hand-customer"
          style={{ marginBottom: 0 }}
        >
          <CustomerPicker
            id="bank-hand-customer"
            testId="bank-hand-customer"
            value={customer}
            selected={selected}
            autoFocus
            placeholder={t('banking.hand.customerPlaceholder')}
            onChange={(id, c) => {
              setCustomer(id);
              setPicked(c);
            }}
          />
        </Form.Item>
      </Form>
      {customer ? (
        <Applications key={customer} item={item} customer={customer} onDone={onDone} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('banking.hand.pickCustomer')} />
      )}
    </Flex>
  );
}

function Applications({
  item,
  customer,
  onDone,
}: {
  item: ReviewItem;
  customer: string;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const invoices = useOpenInvoices(customer, item.currency);
  const amountMinor = parseMinor(item.amount, currencyDigits(item.currency));
  const app = useApplication(invoices.data, amountMinor, item.currency);
  const [learn, setLearn] = useState(true);
  const confirm = useConfirmMatch();
  const submit = () =>
    confirm.mutate(
      {
        id: item.id,
        body: {
          customer,
          allocations: app.applications.map((a) => ({ invoice: a.invoice, amount: a.amount })),
          learn,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('banking.action.matched'));
          onDone();
        },
        onError: (e) => void message.error(errorMessage(e, locale)),
      },
    );
  return (
    <ApplicationPanel
      app={app}
      currency={item.currency}
      amountMinor={amountMinor}
      amountLabel="banking.hand.lineAmount"
      title={t('banking.hand.invoicesTitle', { currency: item.currency })}
      query={invoices}
      emptyText={t('banking.hand.noInvoices')}
      footer={
        <Flex vertical gap={8} align="end">
          <Checkbox checked={learn} onChange={(e) => setLearn(e.target.checked)}>
            {t('banking.hand.learn')}
          </Checkbox>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            data-testid="bank-hand-submit"
            loading={confirm.isPending}
            disabled={!app.isValid}
            onClick={submit}
          >
            {t('banking.hand.submit')}
          </Button>
        </Flex>
      }
    />
  );
}
