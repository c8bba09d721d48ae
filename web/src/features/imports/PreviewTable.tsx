import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Space, Switch, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { TImportIssue, TImportPreview } from '../../../../src/modules/imports/imports.schemas.ts';
import { formatNumber } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { IssueIndex } from './issue-index.ts';
import { issueText } from './issue-text.ts';

type Row = TImportPreview['rows'][number];

const BAD_ROW = { background: '#fff1f0' };

/** The file's rows as written, bad rows in red with their problems beside them. */
export function PreviewTable({ preview, index }: { preview: TImportPreview; index: IssueIndex }) {
  const { t, locale } = useI18n();
  const [isOnlyBad, setOnlyBad] = useState(false);
  const issuesOf = (line: number): TImportIssue[] => index.byLine.get(line) ?? [];
  const reasons = (issues: TImportIssue[]) =>
    issues.map((i) => `${t(`imports.issue.${i.code}`)}: ${issueText(i, t, locale)}`).join('\n');

  const columns: TableColumnsType<Row> = [
    {
      key: 'line',
      title: t('imports.table.line'),
      dataIndex: 'line',
      width: 72,
      align: 'right',
      render: (line: number) => (
        <Typography.Text type={index.byLine.has(line) ? 'danger' : 'secondary'}>{line}</Typography.Text>
      ),
    },
    {
      key: 'state',
      title: t('imports.table.state'),
      width: 88,
      render: (_, row) =>
        index.byLine.has(row.line) ? (
          <Tag color="error" icon={<CloseCircleFilled />}>
            {t('imports.table.error')}
          </Tag>
        ) : (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('imports.table.ok')}
          </Tag>
        ),
    },
    ...preview.columns.map((c) => ({
      key: c.key,
      title: (
        <Tooltip title={t('imports.table.fileHeader', { header: c.header })}>
          <span>{t(`imports.col.${c.key}`)}</span>
        </Tooltip>
      ),
      render: (_: unknown, row: Row) => {
        const value = row.values[c.key] ?? '';
        const bad = issuesOf(row.line).filter((i) => i.field === c.key);
        if (bad.length === 0)
          return value === '' ? <Typography.Text type="secondary">—</Typography.Text> : value;
        return (
          <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{reasons(bad)}</span>}>
            <Typography.Text
              type="danger"
              strong
              style={{ borderBottom: '1px dashed currentColor', cursor: 'help' }}
              data-testid="import-bad-cell"
            >
              {value === '' ? '—' : value}
            </Typography.Text>
          </Tooltip>
        );
      },
    })),
    {
      key: 'problems',
      title: t('imports.table.problems'),
      width: 380,
      render: (_, row) => {
        const issues = issuesOf(row.line);
        if (issues.length === 0) return null;
        return (
          <Space direction="vertical" size={2}>
            {issues.map((i) => (
              <Typography.Text key={`${i.code}-${i.column ?? ''}-${issueText(i, t, locale)}`} type="danger">
                <Tag color="error" style={{ marginInlineEnd: 6 }}>
                  {t(`imports.issue.${i.code}`)}
                </Tag>
                {issueText(i, t, locale)}
              </Typography.Text>
            ))}
          </Space>
        );
      },
    },
  ];

  const rows = isOnlyBad ? preview.rows.filter((r) => index.byLine.has(r.line)) : preview.rows;
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {preview.row_count > preview.rows.length
            ? t('imports.table.shown', {
                shown: formatNumber(preview.rows.length, locale, 0),
                total: formatNumber(preview.row_count, locale, 0),
              })
            : null}
        </Typography.Text>
        <Space>
          <Switch
            id="imports-only-bad"
            size="small"
            checked={isOnlyBad}
            onChange={setOnlyBad}
            disabled={index.byLine.size === 0}
          />
          <label htmlFor="imports-only-bad">{t('imports.table.onlyBad')}</label>
        </Space>
      </Flex>
      <Table<Row>
        data-testid="import-preview-table"
        rowKey="line"
        size="middle"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(row) => (index.byLine.has(row.line) ? { style: BAD_ROW, 'data-bad': 'true' } : {})}
        rowClassName={(row) => (index.byLine.has(row.line) ? 'import-row-bad' : '')}
        locale={{ emptyText: t('common.empty') }}
      />
    </Flex>
  );
}
