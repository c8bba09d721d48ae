import { CloudUploadOutlined, DownOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Flex, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { AddAccountModal } from './components/AddAccountModal.tsx';
import { HistoryTable } from './components/HistoryTable.tsx';
import { ImportStatementModal } from './components/ImportStatementModal.tsx';
import { ReviewWorkspace } from './components/ReviewWorkspace.tsx';
import {
  REVIEW_STATUSES,
  type ReviewStatus,
  useBankAccounts,
  useReviewQueue,
  useRunMatching,
} from './use-banking.ts';

const TAB_COLORS: Record<ReviewStatus, string> = {
  suggested: '#faad14',
  unmatched: '#ff4d4f',
  matched: '#52c41a',
  ignored: '#bfbfbf',
};

function isStatus(s: string | null): s is ReviewStatus {
  return s !== null && (REVIEW_STATUSES as readonly string[]).includes(s);
}

/** Bank reconciliation: import statements, run the matching, and review what it proposes. */
export function BankReconciliationPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: ReviewStatus = isStatus(tabParam) ? tabParam : 'suggested';
  const setTab = (next: ReviewStatus) =>
    setParams(
      (p) => {
        p.set('tab', next);
        return p;
      },
      { replace: true },
    );

  const accounts = useBankAccounts();
  const [account, setAccount] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const run = useRunMatching();

  const queues = {
    suggested: useReviewQueue('suggested'),
    unmatched: useReviewQueue('unmatched'),
    matched: useReviewQueue('matched'),
    ignored: useReviewQueue('ignored'),
  };
  const countOf = (s: ReviewStatus): string | null => {
    const q = queues[s];
    if (!q.data) return null;
    const n = q.data.pages.reduce((sum, p) => sum + p.items.length, 0);
    return q.hasNextPage ? `${n}+` : String(n);
  };

  const canImport = session.can('bank.import');
  const canReview = session.can('matching.review');
  const accountList = accounts.data?.items ?? [];

  const runMatching = (auto: boolean) =>
    run.mutate(auto, {
      onSuccess: (r) => void message.success(t('banking.run.done', r), 6),
      onError: (e) => void message.error(errorMessage(e, locale)),
    });

  return (
    <>
      <PageHeader
        title={t('banking.title')}
        subtitle={t('banking.subtitle')}
        extra={
          <>
            <Select
              aria-label={t('banking.account.label')}
              data-testid="bank-account-select"
              style={{ minWidth: 220 }}
              loading={accounts.isLoading}
              value={account ?? ''}
              onChange={(v) => setAccount(v || undefined)}
              notFoundContent={t('banking.account.none')}
              options={[
                { value: '', label: t('banking.account.all') },
                ...accountList.map((a) => ({
                  value: a.id,
                  label: `${a.name} · ${a.currency}${a.account_number ? ` · ${a.account_number.slice(-4)}` : ''}`,
                })),
              ]}
            />
            {canImport ? (
              <Button icon={<PlusOutlined />} data-testid="bank-add-account" onClick={() => setAdding(true)}>
                {t('banking.account.add')}
              </Button>
            ) : null}
            {canImport ? (
              <Button
                icon={<CloudUploadOutlined />}
                data-testid="bank-import"
                onClick={() => setImporting(true)}
              >
                {t('banking.import.button')}
              </Button>
            ) : null}
            {canReview ? (
              <Space.Compact>
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  data-testid="bank-run-matching"
                  loading={run.isPending}
                  onClick={() => runMatching(true)}
                >
                  {t('banking.run.button')}
                </Button>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'auto', label: t('banking.run.auto') },
                      { key: 'suggest', label: t('banking.run.suggestOnly') },
                    ],
                    onClick: (e) => runMatching(e.key === 'auto'),
                  }}
                >
                  <Button
                    type="primary"
                    icon={<DownOutlined />}
                    aria-label={t('banking.run.options')}
                    data-testid="bank-run-options"
                    disabled={run.isPending}
                  />
                </Dropdown>
              </Space.Compact>
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as ReviewStatus)}
        destroyOnHidden
        items={REVIEW_STATUSES.map((s) => {
          const count = countOf(s);
          return {
            key: s,
            label: (
              <Flex gap={8} align="center" data-testid={`bank-tab-${s}`} data-count={count ?? ''}>
                <span>{t(`banking.tab.${s}`)}</span>
                {count !== null ? (
                  <Badge
                    count={count}
                    showZero
                    overflowCount={9999}
                    color={count === '0' ? '#d9d9d9' : TAB_COLORS[s]}
                    style={{ boxShadow: 'none' }}
                  />
                ) : null}
              </Flex>
            ),
            children:
              s === 'suggested' || s === 'unmatched' ? (
                <ReviewWorkspace mode={s} query={queues[s]} />
              ) : (
                <HistoryTable mode={s} query={queues[s]} />
              ),
          };
        })}
      />
      <AddAccountModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(a) => {
          setAdding(false);
          setAccount(a.id);
        }}
      />
      <ImportStatementModal
        open={importing}
        onClose={() => setImporting(false)}
        accounts={accountList}
        account={account}
        onReview={() => setTab('suggested')}
      />
    </>
  );
}
