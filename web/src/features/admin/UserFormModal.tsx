import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { TRoleDto } from '../../../../src/modules/auth/roles/roles.schemas.ts';
import type {
  TCreateUserRequest,
  TUpdateUserRequest,
  TUserDto,
  TUserWithPasswordDto,
} from '../../../../src/modules/auth/users/users.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { applyFieldErrors, isLastAdminError } from './form-errors.ts';
import { ADMIN_KEYS, roleName } from './use-admin-data.ts';

type Values = {
  email: string;
  display_name?: string;
  roles: string[];
  salesperson?: string;
  locale?: 'zh-CN' | 'en' | '';
  passwordMode: 'generate' | 'set';
  password?: string;
};

const FIELDS = ['email', 'display_name', 'roles', 'salesperson', 'locale', 'password'];

/** Creates a user (`user` null) or edits one; a generated password is handed to `onPassword`. */
export function UserFormModal({
  open,
  user,
  roles,
  onClose,
  onPassword,
}: {
  open: boolean;
  user: TUserDto | null;
  roles: readonly TRoleDto[];
  onClose: () => void;
  onPassword: (shown: { email: string; password: string }) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const passwordMode = Form.useWatch('passwordMode', form);
  const isEdit = user !== null;

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            email: user.email,
            display_name: user.display_name,
            roles: user.roles,
            salesperson: user.salesperson ?? '',
            locale: (user.locale as Values['locale']) ?? '',
            passwordMode: 'generate',
          }
        : { roles: [], locale: '', passwordMode: 'generate' },
    );
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const common = {
        display_name: v.display_name?.trim() || undefined,
        roles: v.roles,
        salesperson: v.salesperson?.trim() || null,
        locale: v.locale || null,
      };
      if (user) {
        const body: TUpdateUserRequest = common;
        await api.patch<TUserDto>(`/api/users/${user.id}`, body);
        return null;
      }
      const body: TCreateUserRequest = {
        email: v.email,
        ...common,
        ...(v.passwordMode === 'set' && v.password ? { password: v.password } : {}),
      };
      return api.post<TUserWithPasswordDto>('/api/users', body);
    },
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ADMIN_KEYS.users });
      void message.success(t(isEdit ? 'admin.users.updated' : 'admin.users.created'));
      onClose();
      if (created?.generated_password) {
        onPassword({ email: created.user.email, password: created.generated_password });
      }
    },
    onError: (e) => {
      if (isLastAdminError(e)) return setFailure(t('admin.users.lastAdmin'));
      if (!applyFieldErrors(form, e, FIELDS, t, locale)) setFailure(errorMessage(e, locale));
    },
  });

  const roleOptions = roles.map((r) => ({ value: r.key, label: roleName(t, r.key, roles) }));
  const required = { required: true, message: t('admin.users.required') };

  return (
    <Modal
      open={open}
      title={t(isEdit ? 'admin.users.editTitle' : 'admin.users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isEdit ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={620}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as ButtonProps}
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
        data-testid="user-form"
        requiredMark="optional"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label={t('admin.users.email')}
              rules={isEdit ? [] : [required, { type: 'email', message: t('admin.users.emailInvalid') }]}
            >
              <Input autoFocus={!isEdit} disabled={isEdit} autoComplete="off" inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="display_name" label={t('admin.users.name')}>
              <Input autoFocus={isEdit} autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="roles" label={t('admin.users.roles')} rules={[required]}>
          <Select
            mode="multiple"
            options={roleOptions}
            placeholder={t('admin.users.rolesPlaceholder')}
            optionFilterProp="label"
            data-testid="user-roles"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="salesperson"
              label={t('admin.users.salesperson')}
              tooltip={t('admin.users.salespersonHelp')}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="locale" label={t('admin.users.locale')}>
              <Select
                options={[
                  { value: '', label: t('admin.users.localeDefault') },
                  { value: 'zh-CN', label: t('admin.settings.locale.zh-CN') },
                  { value: 'en', label: t('admin.settings.locale.en') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        {isEdit ? null : (
          <>
            <Form.Item name="passwordMode" label={t('admin.users.password')}>
              <Radio.Group
                options={[
                  { value: 'generate', label: t('admin.users.passwordGenerate') },
                  { value: 'set', label: t('admin.users.passwordSet') },
                ]}
              />
            </Form.Item>
            {passwordMode === 'set' ? (
              <Form.Item name="password" rules={[required]} style={{ marginTop: -8 }}>
                <Input.Password
                  autoComplete="new-password"
                  placeholder={t('admin.users.passwordPlaceholder')}
                  aria-label={t('admin.users.password')}
                />
              </Form.Item>
            ) : null}
          </>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
