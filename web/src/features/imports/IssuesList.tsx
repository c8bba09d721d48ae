import { Empty, List, Space, Tag, Typography } from 'antd';
import type { TImportIssue } from '../../../../src/modules/imports/imports.schemas.ts';
import { formatNumber } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { IssueIndex } from './issue-index.ts';
import { issueText } from './issue-text.ts';

type Group = { key: string; line: number | null; issues: TImportIssue[] };

/** Every problem, grouped by line (the file's own problems first). */
export function IssuesList({ index, shown, total }: { index: IssueIndex; shown: number; total: number }) {
  const { t, locale } = useI18n();
  const groups: Group[] = [
    ...(index.fileLevel.length > 0 ? [{ key: 'file', line: null, issues: index.fileLevel }] : []),
    ...[...index.byLine.entries()]
      .sort(([a], [b]) => a - b)
      .map(([line, issues]) => ({ key: String(line), line, issues })),
  ];
  return (
    <div data-testid="import-issues">
      {total > shown ? (
        <Typography.Paragraph type="secondary">
          {t('imports.summary.issuesTruncated', {
            shown: formatNumber(shown, locale, 0),
            total: formatNumber(total, locale, 0),
          })}
        </Typography.Paragraph>
      ) : null}
      <List<Group>
        size="small"
        dataSource={groups}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.issues.none')} />,
        }}
        pagination={groups.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        renderItem={(group) => (
          <List.Item key={group.key} data-testid="import-issue-group">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>
                {group.line === null
                  ? t('imports.issues.file')
                  : t('imports.issues.line', { line: group.line })}
              </Typography.Text>
              {group.issues.map((i) => (
                <Typography.Text key={`${i.code}-${i.column ?? ''}-${issueText(i, t, locale)}`}>
                  <Tag color="error">{t(`imports.issue.${i.code}`)}</Tag>
                  {i.column ? (
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                      {t('imports.issues.column', { column: i.column })}
                    </Typography.Text>
                  ) : null}
                  {issueText(i, t, locale)}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
