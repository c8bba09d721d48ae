import { InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Row, Spin, Steps, Tabs, Tooltip, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import type { TImportKind } from '../../../../src/modules/imports/imports.schemas.ts';
import { formatNumber } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { ImportKindCard } from './ImportKindCard.tsx';
import { ImportRun } from './ImportRun.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { IssuesList } from './IssuesList.tsx';
import { indexIssues } from './issue-index.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { describeFailure, ServerError } from './ServerError.tsx';
import { MAX_IMPORT_BYTES, previewImport, startImport } from './use-imports.ts';

const ACCEPT = '.csv,.tsv,.txt,.xlsx';

/** /imports: choose a kind, drop a file, review the check, import all rows at once, follow it. */
export function ImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const kinds = (['invoices', 'customers'] as const).filter((k) => session.can(`${k}.write`));
  const [kind, setKind] = useState<TImportKind>(kinds[0] ?? 'invoices');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const preview = useMutation({ mutationFn: (f: File) => previewImport(kind, f) });
  const start = useMutation({
    mutationFn: (f: File) => startImport(kind, f),
    onSuccess: ({ id }) => setJobId(id),
  });
  const index = useMemo(() => indexIssues(preview.data?.issues ?? []), [preview.data]);

  const reset = () => {
    setFile(null);
    setJobId(null);
    preview.reset();
    start.reset();
    void client.invalidateQueries({ queryKey: ['invoices'] });
    void client.invalidateQueries({ queryKey: ['customers'] });
  };
  const choose = (f: File) => {
    setJobId(null);
    start.reset();
    setFile(f);
    if (f.size > MAX_IMPORT_BYTES) {
      preview.reset();
      void message.error(t('imports.upload.tooLarge'));
      return;
    }
    preview.mutate(f);
  };
  const changeKind = (next: TImportKind) => {
    setKind(next);
    setFile(null);
    preview.reset();
    start.reset();
  };

  const data = preview.data;
  const isBlocked = !data || data.issue_count > 0 || data.row_count === 0;
  const step = jobId ? 2 : data ? 1 : 0;

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('imports.step.choose') },
          { title: t('imports.step.check') },
          { title: t('imports.step.import') },
        ]}
      />
      {jobId ? (
        <ImportRun id={jobId} onAnother={reset} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10} xl={9}>
              <ImportKindCard
                kind={kind}
                kinds={kinds}
                onChange={changeKind}
                isDisabled={preview.isPending}
              />
            </Col>
            <Col xs={24} lg={14} xl={15}>
              <Card style={{ height: '100%' }} styles={{ body: { height: '100%' } }}>
                <Flex vertical gap={12} style={{ height: '100%' }}>
                  <div data-testid="import-upload" style={{ flex: 1 }}>
                    <Upload.Dragger
                      accept={ACCEPT}
                      multiple={false}
                      showUploadList={false}
                      disabled={preview.isPending || start.isPending}
                      beforeUpload={(f) => {
                        choose(f);
                        return false;
                      }}
                      style={{ padding: '24px 16px' }}
                    >
                      {preview.isPending ? (
                        <Flex vertical align="center" gap={12}>
                          <Spin size="large" />
                          <Typography.Text>
                            {t('imports.upload.checking', { file: file?.name ?? '' })}
                          </Typography.Text>
                        </Flex>
                      ) : (
                        <>
                          <p className="ant-upload-drag-icon">
                            <InboxOutlined />
                          </p>
                          <p className="ant-upload-text">{t('imports.upload.title')}</p>
                          <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
                        </>
                      )}
                    </Upload.Dragger>
                  </div>
                  <Typography.Text type="secondary">{t('imports.formats')}</Typography.Text>
                </Flex>
              </Card>
            </Col>
          </Row>
          {preview.error ? (
            <ServerError title={t('imports.error.title')} failure={describeFailure(preview.error)} />
          ) : null}
          {data ? (
            <Card
              title={
                <Flex align="center" gap={8} wrap>
                  <span>{t('imports.summary.title')}</span>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {data.file}
                  </Typography.Text>
                </Flex>
              }
              extra={
                <Button
                  icon={<ReloadOutlined />}
                  onClick={() => file && preview.mutate(file)}
                  disabled={!file || preview.isPending}
                >
                  {t('common.retry')}
                </Button>
              }
            >
              <Flex vertical gap={16}>
                <ImportSummary preview={data} />
                <Tabs
                  key={`${data.file}-${data.row_count}-${data.issue_count}`}
                  defaultActiveKey={data.rows.length === 0 && data.issue_count > 0 ? 'issues' : 'rows'}
                  items={[
                    {
                      key: 'rows',
                      label: `${t('imports.table.title')} (${formatNumber(data.row_count, locale, 0)})`,
                      children: <PreviewTable preview={data} index={index} />,
                    },
                    {
                      key: 'issues',
                      label: `${t('imports.issues.title')} (${formatNumber(data.issue_count, locale, 0)})`,
                      children: (
                        <IssuesList index={index} shown={data.issues.length} total={data.issue_count} />
                      ),
                    },
                  ]}
                />
                {start.error ? (
                  <ServerError title={t('imports.error.start')} failure={describeFailure(start.error)} />
                ) : null}
                <Flex justify="flex-end" gap={8} wrap>
                  <Upload
                    accept={ACCEPT}
                    showUploadList={false}
                    beforeUpload={(f) => {
                      choose(f);
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />}>{t('imports.upload.another')}</Button>
                  </Upload>
                  <Tooltip title={isBlocked ? t('imports.submit.blocked') : undefined}>
                    <Button
                      type="primary"
                      data-testid="import-submit"
                      disabled={isBlocked || preview.isPending}
                      loading={start.isPending}
                      onClick={() => file && start.mutate(file)}
                    >
                      {t('imports.submit', { rows: formatNumber(data.row_count, locale, 0) })}
                    </Button>
                  </Tooltip>
                </Flex>
              </Flex>
            </Card>
          ) : null}
        </Flex>
      )}
    </>
  );
}
