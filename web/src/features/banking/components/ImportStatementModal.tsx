import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  Flex,
  Form,
  Modal,
  Result,
  Row,
  Select,
  Spin,
  Statistic,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api/client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { BANK_PRESET_OPTIONS } from '../bank-presets.ts';
import { type BankAccount, type ImportReport, useImportStatement } from '../use-banking.ts';

const ACCEPT = '.sta,.mt940,.940,.txt,.xml,.053,.052,.054,.ofx,.qfx,.bai,.bai2,.csv,.tsv,.xlsx,.xls,.zip';

type Props = {
  open: boolean;
  onClose: () => void;
  accounts: readonly BankAccount[];
  account: string | undefined;
  /** After an import, to show the queue it filled. */
  onReview: () => void;
};

/** Upload a statement (format detected by the server), then what became of its lines. */
export function ImportStatementModal({ open, onClose, accounts, account, onReview }: Props) {
  const { t, locale } = useI18n();
  // undefined: not chosen yet, so the default applies (a CSV names no account: with one account,
  // that is where it goes); null: the user chose "recognise from the file".
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const fallback = account ?? (accounts.length === 1 ? accounts[0]?.id : undefined);
  const target = chosen === undefined ? fallback : (chosen ?? undefined);
  const [preset, setPreset] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportStatement();
  const report = upload.data;

  const choose = (f: File) => {
    setFile(f);
    upload.mutate({ file: f, account: target, preset });
  };
  const again = () => {
    upload.reset();
    setFile(null);
  };

  return (
    <Modal
      open={open}
      title={t('banking.import.title')}
      onCancel={onClose}
      footer={
        report ? (
          <Flex gap={8} justify="end">
            <Button onClick={again}>{t('banking.import.another')}</Button>
            <Button
              type="primary"
              onClick={() => {
                onReview();
                onClose();
              }}
            >
              {t('banking.import.review')}
            </Button>
          </Flex>
        ) : (
          <Button onClick={onClose}>{t('common.close')}</Button>
        )
      }
      width={680}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) setChosen(undefined);
      }}
    >
      {report ? (
        <Summary report={report} />
      ) : (
        <Flex vertical gap={16}>
          <Form layout="vertical" requiredMark={false}>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('banking.import.account')}
                  htmlFor="bank-import-account"
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    id="bank-import-account"
                    value={target ?? ''}
                    onChange={(v) => setChosen(v || null)}
                    options={[
                      { value: '', label: t('banking.account.detect') },
                      ...accounts.map((a) => ({ value: a.id, label: `${a.name} · ${a.currency}` })),
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('banking.import.preset')}
                  htmlFor="bank-import-preset"
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    id="bank-import-preset"
                    data-testid="bank-import-preset"
                    value={preset ?? ''}
                    onChange={(v) => setPreset(v || undefined)}
                    options={[
                      { value: '', label: t('banking.import.presetAuto') },
                      ...BANK_PRESET_OPTIONS.map((p) => ({
                        value: p.id,
                        label: locale === 'zh-CN' ? p.zh : p.en,
                      })),
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <div data-testid="bank-import-upload">
            <Upload.Dragger
              accept={ACCEPT}
              multiple={false}
              showUploadList={false}
              disabled={upload.isPending}
              beforeUpload={(f) => {
                choose(f);
                return false;
              }}
              style={{ padding: '20px 16px' }}
            >
              {upload.isPending ? (
                <Flex vertical align="center" gap={12}>
                  <Spin size="large" />
                  <Typography.Text>
                    {t('banking.import.uploading', { file: file?.name ?? '' })}
                  </Typography.Text>
                </Flex>
              ) : (
                <Flex vertical align="center" gap={8}>
                  <InboxOutlined style={{ fontSize: 40, color: '#1668dc' }} />
                  <Typography.Text strong>{t('banking.import.drop')}</Typography.Text>
                  <Typography.Text type="secondary">{t('banking.import.formats')}</Typography.Text>
                </Flex>
              )}
            </Upload.Dragger>
          </div>
          {upload.error ? (
            <Alert
              type="error"
              showIcon
              title={t('banking.import.failed')}
              description={errorMessage(upload.error, locale)}
            />
          ) : null}
        </Flex>
      )}
    </Modal>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const t = useI18n().t;
  const figures: { key: string; value: number; color?: string }[] = [
    { key: 'transactions', value: report.transactions },
    { key: 'duplicates', value: report.duplicates },
    { key: 'matched', value: report.matched, color: '#389e0d' },
    { key: 'suggested', value: report.suggested, color: '#d48806' },
    { key: 'unmatched', value: report.unmatched, color: report.unmatched ? '#cf1322' : undefined },
  ];
  return (
    <Flex vertical gap={16} data-testid="bank-import-result">
      <Result
        status="success"
        icon={<CloudUploadOutlined />}
        title={t('banking.import.done')}
        subTitle={t('banking.import.summary', { file: report.file, format: report.format.toUpperCase() })}
        style={{ padding: '8px 0 0' }}
      />
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={8} md={Math.floor(24 / figures.length) || 4} style={{ flex: '1 1 0' }}>
            <Statistic
              title={t(`banking.import.${f.key}`)}
              value={f.value}
              styles={{ content: { color: f.color, fontVariantNumeric: 'tabular-nums' } }}
              data-testid={`bank-import-${f.key}`}
            />
          </Col>
        ))}
      </Row>
      {report.accounts.map((a) => (
        <Typography.Text key={a.id} type="secondary">
          {t('banking.import.accountLine', {
            name: a.name,
            currency: a.currency,
            transactions: a.transactions,
            duplicates: a.duplicates,
          })}{' '}
          · {t(`banking.import.resolved.${a.resolved_by}`)}
        </Typography.Text>
      ))}
    </Flex>
  );
}
