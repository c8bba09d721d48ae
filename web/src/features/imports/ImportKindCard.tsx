import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Tag, Tooltip, Typography } from 'antd';
import type { TImportKind } from '../../../../src/modules/imports/imports.schemas.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { downloadTemplate, IMPORT_COLUMNS, type ImportColumn } from './import-columns.ts';

type Props = {
  kind: TImportKind;
  kinds: TImportKind[];
  onChange(kind: TImportKind): void;
  isDisabled: boolean;
};

/** Step one: what to import, the columns a file needs, and a template to start from. */
export function ImportKindCard({ kind, kinds, onChange, isDisabled }: Props) {
  const { t, locale } = useI18n();
  const columns = IMPORT_COLUMNS[kind];
  const tag = (c: ImportColumn) => (
    <Tooltip key={c.key} title={t('imports.columns.aliases', { aliases: c.aliases.slice(0, 4).join('、') })}>
      <Tag color={c.required ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
        {t(`imports.col.${c.key}`)}
      </Tag>
    </Tooltip>
  );
  return (
    <Card title={t('imports.kind.label')} style={{ height: '100%' }}>
      <Flex vertical gap={16}>
        <div data-testid="import-kind">
          <Segmented<TImportKind>
            block
            aria-label={t('imports.kind.label')}
            value={kind}
            disabled={isDisabled}
            onChange={onChange}
            options={kinds.map((k) => ({ value: k, label: t(`imports.kind.${k}`) }))}
          />
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(`imports.kind.${kind}.help`)}
        </Typography.Paragraph>
        <div>
          <Typography.Text strong>{t('imports.columns.required')}</Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }}>
            {columns.filter((c) => c.required).map(tag)}
          </Flex>
        </div>
        <div>
          <Typography.Text strong>{t('imports.columns.optional')}</Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }}>
            {columns.filter((c) => !c.required).map(tag)}
          </Flex>
        </div>
        <div>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadTemplate(kind, locale)}
            data-testid="import-template"
          >
            {t('imports.template.download')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
