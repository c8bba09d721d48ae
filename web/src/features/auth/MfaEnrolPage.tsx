import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { TRecoveryCodesDto, TTotpEnrolmentDto } from '../../../../src/modules/auth/auth.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { QueryState } from '../../shared/ui/index.ts';
import { useSession } from './session.tsx';

/** For a user whose role requires MFA and who has none yet: enrol before anything else. */
export function MfaEnrolPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrolment = useQuery({
    queryKey: ['auth', 'mfa-enrol'],
    queryFn: () => api.post<TTotpEnrolmentDto>('/api/auth/mfa/enrol'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: (code: string) => api.post<TRecoveryCodesDto>('/api/auth/mfa/confirm', { code }),
    onSuccess: (r) => setCodes(r.recovery_codes),
  });
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 460 }}>
        {codes ? (
          <>
            <Typography.Title level={4}>{t('auth.recoveryTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('auth.recoveryHint')}</Typography.Paragraph>
            <pre style={{ background: '#fafafa', padding: 12 }}>{codes.join('\n')}</pre>
            <Button type="primary" block onClick={() => void session.refresh()}>
              {t('auth.continue')}
            </Button>
          </>
        ) : (
          <>
            <Typography.Title level={4}>{t('auth.enrolTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('auth.enrolHint')}</Typography.Paragraph>
            <QueryState isLoading={enrolment.isLoading} error={enrolment.error}>
              {enrolment.data ? (
                <Flex vertical align="center" gap={8}>
                  <img src={enrolment.data.qr_code_data_url} alt="" width={180} height={180} />
                  <Typography.Text type="secondary">{t('auth.enrolSecret')}</Typography.Text>
                  <Typography.Text code copyable>
                    {enrolment.data.secret}
                  </Typography.Text>
                </Flex>
              ) : null}
            </QueryState>
            {confirm.error ? (
              <Alert
                type="error"
                showIcon
                message={errorMessage(confirm.error, locale)}
                style={{ marginTop: 12 }}
              />
            ) : null}
            <Form
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v: { code: string }) => confirm.mutate(v.code)}
            >
              <Form.Item
                name="code"
                label={t('auth.code')}
                rules={[{ required: true, message: t('auth.required') }]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
                {t('auth.enrolConfirm')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
