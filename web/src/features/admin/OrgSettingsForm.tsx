import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TOrgSettingsDto, TUpdateOrgSettingsBody } from '../../../../src/modules/orgs/orgs.schemas.ts';
import { ApiError, api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { QueryState } from '../../shared/ui/index.ts';
import { applyFieldErrors } from './form-errors.ts';
import { ADMIN_KEYS, useOrgSettings } from './use-admin-data.ts';
import { zoneOptions } from './zones.ts';

type Values = { name: string; base_currency: string; time_zone: string; locale: 'zh-CN' | 'en' };
const FIELDS = ['name', 'base_currency', 'time_zone', 'locale'];

/** Name, base currency (fixed once documents exist), time zone and default language of the org. */
export function OrgSettingsForm() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const org = useOrgSettings();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isDirty, setDirty] = useState(false);

  const reset = useCallback(
    (data: TOrgSettingsDto) => {
      form.setFieldsValue({
        name: data.name,
        base_currency: data.base_currency,
        time_zone: data.time_zone,
        locale: data.locale,
      });
      setDirty(false);
    },
    [form],
  );
  // A live refresh fills the form only while nobody is editing it.
  useEffect(() => {
    if (org.data && !form.isFieldsTouched()) reset(org.data);
  }, [org.data, form, reset]);

  const currencyNames = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'currency' });
    } catch {
      return null;
    }
  }, [locale]);
  const currencyOptions = (org.data?.currencies ?? []).map((code) => {
    const name = currencyNames?.of(code);
    return { value: code, label: name && name !== code ? `${code} · ${name}` : code };
  });
  const zones = useMemo(() => zoneOptions(locale, org.data?.time_zone), [locale, org.data?.time_zone]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: TUpdateOrgSettingsBody = {
        name: v.name,
        time_zone: v.time_zone,
        locale: v.locale,
        ...(org.data?.base_currency_locked ? {} : { base_currency: v.base_currency }),
      };
      return api.patch<TOrgSettingsDto>('/api/settings/org', body);
    },
    onSuccess: (next) => {
      client.setQueryData(ADMIN_KEYS.org, next);
      form.resetFields();
      reset(next);
      void message.success(t('admin.settings.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'ORG_BASE_CURRENCY_LOCKED') {
        form.setFields([{ name: 'base_currency', errors: [t('admin.settings.baseCurrencyLocked')] }]);
        void client.invalidateQueries({ queryKey: ADMIN_KEYS.org });
        return;
      }
      if (!applyFieldErrors(form, e, FIELDS, t, locale)) setFailure(errorMessage(e, locale));
    },
  });

  const isLocked = org.data?.base_currency_locked ?? false;
  return (
    <Card title={t('admin.settings.orgTitle')}>
      <QueryState isLoading={org.isLoading} error={org.error} onRetry={() => void org.refetch()}>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          data-testid="settings-org-form"
          onValuesChange={() => setDirty(true)}
          onFinish={(v) => {
            setFailure(null);
            save.mutate(v);
          }}
          style={{ maxWidth: 880 }}
        >
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('admin.settings.name')}
                rules={[{ required: true, whitespace: true, message: t('admin.users.required') }]}
              >
                <Input autoFocus maxLength={200} data-testid="settings-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('admin.settings.slug')}>
                <Typography.Text code copyable>
                  {org.data?.slug}
                </Typography.Text>
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="base_currency"
                label={
                  <Flex gap={6} align="center">
                    {t('admin.settings.baseCurrency')}
                    {isLocked ? <LockOutlined style={{ color: '#8c8c8c' }} /> : null}
                  </Flex>
                }
                extra={
                  isLocked ? t('admin.settings.baseCurrencyLocked') : t('admin.settings.baseCurrencyHelp')
                }
              >
                <Select
                  showSearch
                  disabled={isLocked}
                  options={currencyOptions}
                  optionFilterProp="label"
                  placeholder={t('admin.settings.search')}
                  data-testid="settings-currency"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="time_zone"
                label={t('admin.settings.timeZone')}
                extra={t('admin.settings.timeZoneHelp')}
                rules={[{ required: true, message: t('admin.users.required') }]}
              >
                <Select
                  showSearch
                  options={zones}
                  filterOption={(input, option) =>
                    (option?.search ?? '').includes(input.trim().toLowerCase())
                  }
                  placeholder={t('admin.settings.search')}
                  data-testid="settings-timezone"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="locale"
                label={t('admin.settings.locale')}
                extra={t('admin.settings.localeHelp')}
              >
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'zh-CN', label: t('admin.settings.locale.zh-CN') },
                    { value: 'en', label: t('admin.settings.locale.en') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={12} align="center">
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
            <Button
              disabled={!isDirty}
              onClick={() => {
                if (!org.data) return;
                form.resetFields();
                reset(org.data);
              }}
            >
              {t('common.reset')}
            </Button>
            {isDirty ? <Typography.Text type="warning">{t('admin.settings.unsaved')}</Typography.Text> : null}
          </Flex>
        </Form>
      </QueryState>
    </Card>
  );
}
