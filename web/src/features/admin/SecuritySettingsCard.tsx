import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import type { TRoleDto } from '../../../../src/modules/auth/roles/roles.schemas.ts';
import type {
  TSecuritySettingsDto,
  TUpdateSecuritySettingsRequest,
} from '../../../../src/modules/auth/settings/settings.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { QueryState } from '../../shared/ui/index.ts';
import { applyFieldErrors } from './form-errors.ts';
import { ADMIN_KEYS, roleName, useSecuritySettings } from './use-admin-data.ts';

const FIELDS = ['mfa_required_roles', 'collectors_own_customers_only', 'password_min_length'];

/** The org's security settings: which roles need MFA, collector scope, password length. */
export function SecuritySettingsCard({ roles }: { roles: readonly TRoleDto[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useSecuritySettings(true);
  const [form] = Form.useForm<TSecuritySettingsDto>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (v: TUpdateSecuritySettingsRequest) =>
      api.put<TSecuritySettingsDto>('/api/settings/security', v),
    onSuccess: (next) => {
      client.setQueryData(ADMIN_KEYS.security, next);
      void message.success(t('admin.security.saved'));
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e, FIELDS, t, locale)) void message.error(errorMessage(e, locale));
    },
  });

  return (
    <Card title={t('admin.security.title')} data-testid="security-settings">
      <QueryState
        isLoading={settings.isLoading}
        error={settings.error}
        onRetry={() => void settings.refetch()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          data-testid="security-settings-form"
        >
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Form.Item
                name="mfa_required_roles"
                label={t('admin.security.mfaRoles')}
                extra={t('admin.security.mfaRolesHelp')}
              >
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('admin.security.mfaRolesPlaceholder')}
                  optionFilterProp="label"
                  options={roles.map((r) => ({ value: r.key, label: roleName(t, r.key, roles) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="password_min_length" label={t('admin.security.passwordMin')}>
                <InputNumber
                  min={12}
                  max={128}
                  precision={0}
                  suffix={t('admin.security.characters')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="collectors_own_customers_only"
                label={t('admin.security.collectorsOwn')}
                extra={t('admin.security.collectorsOwnHelp')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="security-save">
            {t('common.save')}
          </Button>
        </Form>
      </QueryState>
    </Card>
  );
}
