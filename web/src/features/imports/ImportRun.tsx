import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Progress, Result, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import type { TImportJob, TImportPhase } from '../../../../src/modules/imports/imports.schemas.ts';
import { formatNumber } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { IssuesList } from './IssuesList.tsx';
import { indexIssues } from './issue-index.ts';
import { ServerError } from './ServerError.tsx';
import { useImportJob } from './use-imports.ts';

/** Where each phase sits on the bar: [start, end] in percent; counted phases fill their span. */
const SPANS: Record<TImportPhase, [number, number]> = {
  queued: [0, 0],
  parsing: [2, 10],
  checking: [10, 25],
  customers: [25, 30],
  writing_customers: [30, 95],
  writing_invoices: [30, 60],
  posting_ledger: [60, 92],
  finishing: [92, 98],
  done: [100, 100],
};

function percentOf(progress: TImportJob['progress']): number {
  const [start, end] = SPANS[progress.phase];
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return Math.round(start + (end - start) * share);
}

type IssueDetails = {
  issues?: { line: number | null; column: string | null; code: string; reason: string }[];
};

/** Steps three and four: the running import's progress, then its result. */
export function ImportRun({ id, onAnother }: { id: string; onAnother(): void }) {
  const { t, locale } = useI18n();
  const job = useImportJob(id);
  const client = useQueryClient();
  const { message } = App.useApp();
  const isDone = job.data?.state === 'done';
  useEffect(() => {
    if (!isDone) return;
    void message.success(t('imports.done.message'));
    // Live updates refresh them too; this covers a page without the event stream.
    void client.invalidateQueries({ queryKey: ['invoices'] });
    void client.invalidateQueries({ queryKey: ['customers'] });
  }, [isDone, client, message, t]);
  const n = (v: number) => formatNumber(v, locale, 0);
  const another = (
    <Button key="another" onClick={onAnother}>
      {t('imports.result.another')}
    </Button>
  );

  if (job.error)
    return (
      <Card data-testid="import-result">
        <Result
          status="warning"
          title={t('imports.result.failed')}
          subTitle={t('imports.result.lost')}
          extra={another}
        />
      </Card>
    );
  const data = job.data;
  if (!data || data.state === 'running') {
    const progress = data?.progress ?? { phase: 'queued' as const, done: 0, total: 0 };
    return (
      <Card data-testid="import-progress" title={t('imports.progress.title', { file: data?.file ?? '' })}>
        <Flex vertical gap={8}>
          <Progress percent={percentOf(progress)} status="active" />
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text strong data-testid="import-phase">
              {t(`imports.phase.${progress.phase}`)}
            </Typography.Text>
            {progress.total > 0 ? (
              <Typography.Text type="secondary">
                {t('imports.progress.counts', { done: n(progress.done), total: n(progress.total) })}
              </Typography.Text>
            ) : null}
          </Flex>
          <Typography.Text type="secondary">{t('imports.progress.note')}</Typography.Text>
        </Flex>
      </Card>
    );
  }
  if (data.state === 'failed') {
    const details = (data.error?.details ?? null) as IssueDetails | null;
    const issues = (details?.issues ?? []).map((i) => ({ ...i, field: null }));
    return (
      <Card data-testid="import-result">
        <Result
          status="error"
          title={t('imports.result.failed')}
          extra={another}
          style={{ paddingBottom: 0 }}
        />
        <Flex vertical gap={16}>
          {data.error ? <ServerError title={t('imports.result.failed')} failure={data.error} /> : null}
          {issues.length > 0 ? (
            <IssuesList
              index={indexIssues(issues as Parameters<typeof indexIssues>[0])}
              shown={issues.length}
              total={issues.length}
            />
          ) : null}
        </Flex>
      </Card>
    );
  }
  const r = data.result;
  const isInvoices = data.kind === 'invoices';
  const links: ReactNode[] = [
    ...(isInvoices
      ? [
          <Link key="invoices" to="/invoices">
            <Button type="primary">{t('imports.result.viewInvoices')}</Button>
          </Link>,
        ]
      : []),
    <Link key="customers" to="/customers">
      <Button type={isInvoices ? 'default' : 'primary'}>{t('imports.result.viewCustomers')}</Button>
    </Link>,
  ];
  return (
    <Card data-testid="import-result">
      <Result
        status="success"
        title={t('imports.result.done')}
        subTitle={
          r
            ? data.kind === 'invoices'
              ? t('imports.result.doneInvoices', {
                  created: n(r.created),
                  unchanged: n(r.unchanged),
                  customers: n(r.customers_created),
                })
              : t('imports.result.doneCustomers', {
                  created: n(r.created),
                  updated: n(r.updated),
                  unchanged: n(r.unchanged),
                })
            : null
        }
        extra={[...links, another]}
      />
    </Card>
  );
}
