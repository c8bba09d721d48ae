import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { TLoginResponse } from '../../../../src/modules/auth/auth.schemas.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { ApiError, api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useSession } from './session.tsx';

type Credentials = { email: string; password: string };

/** Email and password, then — for a user with MFA — the authenticator or a recovery code. */
export function LoginPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (body: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<TLoginResponse>('/api/auth/login', body);
      await session.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MFA_REQUIRED') {
        setCredentials({ email: body.email ?? '', password: body.password ?? '' });
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {credentials ? t('auth.mfaTitle') : t('auth.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {credentials ? t('auth.mfaHint') : t('auth.subtitle')}
            </Typography.Paragraph>
          </div>
          <LanguageSwitch />
        </Flex>
        {error ? (
          <Alert type="error" showIcon message={errorMessage(error, locale)} style={{ marginBottom: 16 }} />
        ) : null}
        {credentials === null ? (
          <Form layout="vertical" onFinish={(v: Credentials) => submit(v)} requiredMark={false}>
            <Form.Item
              name="email"
              label={t('auth.email')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input type="email" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('auth.signIn')}
            </Button>
          </Form>
        ) : (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { code: string }) =>
              submit({ ...credentials, ...(useRecovery ? { recovery_code: v.code } : { totp_code: v.code }) })
            }
          >
            <Form.Item
              name="code"
              label={useRecovery ? t('auth.recoveryCode') : t('auth.code')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input autoComplete="one-time-code" inputMode={useRecovery ? 'text' : 'numeric'} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('auth.verify')}
            </Button>
            <Flex justify="space-between" style={{ marginTop: 12 }}>
              <Button type="link" onClick={() => setCredentials(null)} style={{ padding: 0 }}>
                {t('auth.backToPassword')}
              </Button>
              <Button type="link" onClick={() => setUseRecovery(!useRecovery)} style={{ padding: 0 }}>
                {useRecovery ? t('auth.useTotp') : t('auth.useRecovery')}
              </Button>
            </Flex>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
