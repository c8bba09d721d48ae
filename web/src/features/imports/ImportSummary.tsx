import { Alert, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { TImportPreview } from '../../../../src/modules/imports/imports.schemas.ts';
import { formatNumber } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';

/** What the check found: the verdict, the counts, and what the file looks like. */
export function ImportSummary({ preview }: { preview: TImportPreview }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale, 0);
  const hasFileProblem = preview.issues.some((i) => i.line === null);
  const isClean = preview.issue_count === 0;
  const stats: { key: string; title: string; value: number; isBad?: boolean }[] = [
    { key: 'rows', title: t('imports.summary.rows'), value: preview.row_count },
    { key: 'bad', title: t('imports.summary.badRows'), value: preview.rows_with_issues, isBad: true },
    { key: 'create', title: t('imports.summary.create'), value: preview.summary.create },
    ...(preview.kind === 'customers'
      ? [{ key: 'update', title: t('imports.summary.update'), value: preview.summary.update }]
      : [
          {
            key: 'customers',
            title: t('imports.summary.customersCreated'),
            value: preview.summary.customers_created,
          },
        ]),
    { key: 'unchanged', title: t('imports.summary.unchanged'), value: preview.summary.unchanged },
  ];
  const encoding = preview.encoding ? t(`imports.encoding.${preview.encoding}`) : null;
  return (
    <Flex vertical gap={16} data-testid="import-summary">
      <Alert
        showIcon
        type={isClean ? 'success' : 'error'}
        message={
          isClean
            ? t('imports.summary.ok', { rows: n(preview.row_count) })
            : hasFileProblem && preview.rows_with_issues === 0
              ? t('imports.summary.fileProblem')
              : t('imports.summary.bad', {
                  issues: n(preview.issue_count),
                  rows: n(preview.rows_with_issues),
                })
        }
      />
      <Row gutter={[16, 16]}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} sm={8} lg={4}>
            <Statistic
              title={s.title}
              value={n(s.value)}
              valueStyle={s.isBad && s.value > 0 ? { color: '#cf1322' } : undefined}
              data-testid={`import-summary-${s.key}`}
            />
          </Col>
        ))}
        <Col xs={24} sm={16} lg={4}>
          <Typography.Text type="secondary">{t('imports.summary.format')}</Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 4 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`imports.format.${preview.format}`)}</Tag>
            {encoding ? <Tag style={{ marginInlineEnd: 0 }}>{encoding}</Tag> : null}
          </Flex>
        </Col>
      </Row>
      {preview.ignored_columns.length > 0 ? (
        <Flex wrap gap={6} align="center">
          <Typography.Text type="secondary" style={{ marginInlineEnd: 2 }}>
            {t('imports.summary.ignored')}
          </Typography.Text>
          {preview.ignored_columns.map((c) => (
            <Tag key={c} style={{ marginInlineEnd: 0 }}>
              {c}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
