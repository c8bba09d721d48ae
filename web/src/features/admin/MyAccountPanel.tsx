import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Result, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type {
  TChangePasswordRequest,
  TDisableMfaRequest,
  TRecoveryCodesDto,
  TTotpEnrolmentDto,
} from '../../../../src/modules/auth/auth.schemas.ts';
import { ApiError, api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';

const SIX_DIGITS = /^\d{6}$/;

/** The signed-in user's own password. */
function ChangePasswordCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TChangePasswordRequest & { repeat: string }>();
  const change = useMutation({
    mutationFn: (v: TChangePasswordRequest) => api.post('/api/auth/password', v),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('admin.account.changed'));
    },
  });
  const required = { required: true, message: t('admin.users.required') };
  return (
    <Card title={t('admin.account.passwordTitle')} style={{ height: '100%' }} data-testid="account-password">
      <Typography.Paragraph type="secondary">{t('admin.account.passwordHint')}</Typography.Paragraph>
      {change.error ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(change.error, locale)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          change.mutate({ current_password: v.current_password, new_password: v.new_password })
        }
      >
        <Form.Item name="current_password" label={t('admin.account.current')} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="new_password" label={t('admin.account.new')} rules={[required]}>
          <Input.Password autoComplete="new-password" placeholder={t('admin.users.passwordPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('admin.account.confirm')}
          dependencies={['new_password']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('new_password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('admin.account.change')}
        </Button>
      </Form>
    </Card>
  );
}

type MfaStep =
  | { kind: 'idle' }
  | { kind: 'enrolling'; enrolment: TTotpEnrolmentDto }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'on' };

/** Turn the signed-in user's TOTP on (QR code, confirm, recovery codes) or off (with a code). */
function MfaCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const isOn = session.me?.mfa_enabled === true;
  const [step, setStep] = useState<MfaStep>({ kind: isOn ? 'on' : 'idle' });
  // Follow the account's state when it changes elsewhere (another tab, an admin turning it off).
  useEffect(() => {
    setStep((s) => (s.kind === 'enrolling' || s.kind === 'codes' ? s : { kind: isOn ? 'on' : 'idle' }));
  }, [isOn]);
  const [showDisable, setShowDisable] = useState(false);

  const begin = useMutation({
    mutationFn: () => api.post<TTotpEnrolmentDto>('/api/auth/mfa/enrol'),
    onSuccess: (enrolment) => setStep({ kind: 'enrolling', enrolment }),
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'MFA_ALREADY_ENABLED') setStep({ kind: 'on' });
    },
  });
  const confirm = useMutation({
    mutationFn: (code: string) => api.post<TRecoveryCodesDto>('/api/auth/mfa/confirm', { code }),
    onSuccess: (r) => {
      setStep({ kind: 'codes', codes: r.recovery_codes });
      void session.refresh();
    },
  });
  const disable = useMutation({
    mutationFn: (body: TDisableMfaRequest) => api.post('/api/auth/mfa/disable', body),
    onSuccess: () => {
      setStep({ kind: 'idle' });
      setShowDisable(false);
      void session.refresh();
      void message.success(t('admin.account.mfaDisabled'));
    },
  });
  const beginError =
    begin.error instanceof ApiError && begin.error.code === 'MFA_ALREADY_ENABLED' ? null : begin.error;

  return (
    <Card
      title={t('admin.account.mfaTitle')}
      style={{ height: '100%' }}
      data-testid="account-mfa"
      extra={<SafetyCertificateOutlined style={{ color: '#1668dc' }} />}
    >
      <Typography.Paragraph type="secondary">{t('admin.account.mfaHint')}</Typography.Paragraph>
      {beginError ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(beginError, locale)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {step.kind === 'idle' ? (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            loading={begin.isPending}
            onClick={() => begin.mutate()}
            data-testid="mfa-setup"
          >
            {t('admin.account.mfaSetup')}
          </Button>
        </Flex>
      ) : null}
      {step.kind === 'on' ? (
        <Flex vertical gap={12}>
          <Alert type="success" showIcon message={t('admin.account.mfaAlreadyOn')} />
          {showDisable ? null : (
            <div>
              <Button onClick={() => setShowDisable(true)}>{t('admin.account.mfaOff')}</Button>
            </div>
          )}
        </Flex>
      ) : null}
      {step.kind === 'enrolling' ? (
        <Flex vertical gap={12}>
          <Typography.Text>{t('admin.account.mfaScan')}</Typography.Text>
          <Flex gap={16} wrap align="center">
            <img
              src={step.enrolment.qr_code_data_url}
              alt=""
              width={160}
              height={160}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}
            />
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {step.enrolment.secret}
            </Typography.Text>
          </Flex>
          {confirm.error ? (
            <Alert type="error" showIcon message={errorMessage(confirm.error, locale)} />
          ) : null}
          <Form layout="inline" onFinish={(v: { code: string }) => confirm.mutate(v.code.trim())}>
            <Form.Item
              name="code"
              label={t('admin.account.mfaCode')}
              rules={[{ pattern: SIX_DIGITS, required: true, message: t('admin.account.mfaCodeInvalid') }]}
            >
              <Input
                autoFocus
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {t('admin.account.mfaConfirm')}
            </Button>
          </Form>
        </Flex>
      ) : null}
      {step.kind === 'codes' ? (
        <Result
          status="success"
          title={t('admin.account.mfaOn')}
          style={{ padding: 0 }}
          extra={
            <Flex vertical gap={8} align="stretch" style={{ textAlign: 'left' }}>
              <Typography.Text strong>{t('admin.account.recoveryTitle')}</Typography.Text>
              <Alert type="warning" showIcon message={t('admin.account.recoveryHint')} />
              <Typography.Paragraph copyable={{ text: step.codes.join('\n') }} style={{ margin: 0 }}>
                <pre style={{ background: '#fafafa', padding: 12, margin: 0, columns: 2 }}>
                  {step.codes.join('\n')}
                </pre>
              </Typography.Paragraph>
              <Button onClick={() => setStep({ kind: 'on' })}>{t('common.close')}</Button>
            </Flex>
          }
        />
      ) : null}
      {showDisable && (step.kind === 'idle' || step.kind === 'on') ? (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('admin.account.mfaOffHint')}</Typography.Text>
          {disable.error ? (
            <Alert type="error" showIcon message={errorMessage(disable.error, locale)} />
          ) : null}
          <Form
            layout="vertical"
            onFinish={(v: { code?: string; recovery_code?: string }) => {
              const code = v.code?.trim();
              const recovery = v.recovery_code?.trim();
              disable.mutate(code ? { code } : { recovery_code: recovery ?? '' });
            }}
          >
            <Row gutter={12}>
              <Col xs={24} sm={10}>
                <Form.Item
                  name="code"
                  label={t('admin.account.mfaCode')}
                  rules={[{ pattern: SIX_DIGITS, message: t('admin.account.mfaCodeInvalid') }]}
                >
                  <Input autoFocus inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <Form.Item
                  name="recovery_code"
                  label={t('admin.account.recoveryCode')}
                  dependencies={['code']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, v) =>
                        v?.trim() || getFieldValue('code')?.trim()
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('admin.account.eitherCode'))),
                    }),
                  ]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
            <Button danger htmlType="submit" loading={disable.isPending}>
              {t('admin.account.mfaOff')}
            </Button>
          </Form>
        </Flex>
      ) : null}
    </Card>
  );
}

/** "My account": password and two-factor of whoever is signed in (needs no permission). */
export function MyAccountPanel() {
  return (
    <Row gutter={[16, 16]} data-testid="my-account">
      <Col xs={24} lg={12}>
        <ChangePasswordCard />
      </Col>
      <Col xs={24} lg={12}>
        <MfaCard />
      </Col>
    </Row>
  );
}
