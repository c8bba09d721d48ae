import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useT } from '../../shared/i18n/i18n.tsx';

/** A generated password, shown once with a copy button; closing the dialog forgets it. */
export function PasswordOnceModal({
  shown,
  onClose,
}: {
  shown: { email: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const copy = async () => {
    if (!shown) return;
    await navigator.clipboard?.writeText(shown.password).catch(() => undefined);
    void message.success(t('admin.users.passwordCopied'));
  };
  return (
    <Modal
      open={shown !== null}
      title={t('admin.users.passwordTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {shown ? (
        <Flex vertical gap={16}>
          <Alert type="warning" showIcon message={t('admin.users.passwordOnce', { email: shown.email })} />
          <Flex gap={8} align="center">
            <Typography.Text
              code
              data-testid="generated-password"
              style={{ fontSize: 18, padding: '6px 10px', flex: 1, wordBreak: 'break-all' }}
            >
              {shown.password}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-password">
              {t('admin.users.copy')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Modal>
  );
}
