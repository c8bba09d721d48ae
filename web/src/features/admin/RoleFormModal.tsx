import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Col, Form, Input, Modal, Row } from 'antd';
import { useEffect, useState } from 'react';
import type {
  TCreateRoleRequest,
  TRoleDto,
  TUpdateRoleRequest,
} from '../../../../src/modules/auth/roles/roles.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';
import { applyFieldErrors } from './form-errors.ts';
import { PermissionGrid } from './PermissionGrid.tsx';
import { ADMIN_KEYS, roleName } from './use-admin-data.ts';

type Values = { key: string; name: string; permissions: string[] };

/** Creates a custom role (`role` null), edits one, or shows a built-in role read-only. */
export function RoleFormModal({
  open,
  role,
  onClose,
}: {
  open: boolean;
  role: TRoleDto | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const isReadOnly = role?.is_built_in ?? false;
  const isEdit = role !== null && !isReadOnly;
  const picked = Form.useWatch('permissions', form) ?? [];

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      role ? { key: role.key, name: role.name, permissions: role.permissions } : { permissions: [] },
    );
  }, [open, role, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (role) {
        const body: TUpdateRoleRequest = { name: v.name, permissions: v.permissions };
        return api.patch<TRoleDto>(`/api/roles/${role.key}`, body);
      }
      const body: TCreateRoleRequest = { key: v.key, name: v.name, permissions: v.permissions };
      return api.post<TRoleDto>('/api/roles', body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ADMIN_KEYS.roles });
      void message.success(t(isEdit ? 'admin.roles.updated' : 'admin.roles.created'));
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e, ['key', 'name', 'permissions'], t, locale)) {
        setFailure(errorMessage(e, locale));
      }
    },
  });

  const title = isReadOnly
    ? `${t('admin.roles.viewTitle')} · ${roleName(t, role?.key ?? '')}`
    : t(isEdit ? 'admin.roles.editTitle' : 'admin.roles.createTitle');

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => (isReadOnly ? onClose() : form.submit())}
      okText={isReadOnly ? t('common.close') : isEdit ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      cancelButtonProps={isReadOnly ? { style: { display: 'none' } } : {}}
      confirmLoading={save.isPending}
      width={860}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'role-form-submit' } as ButtonProps}
    >
      {isReadOnly ? (
        <Alert type="info" showIcon message={t('admin.roles.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        disabled={isReadOnly}
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
        data-testid="role-form"
      >
        {isReadOnly ? null : (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="name"
                label={t('admin.roles.name')}
                rules={[{ required: true, whitespace: true, message: t('admin.users.required') }]}
              >
                <Input autoFocus maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="key"
                label={t('admin.roles.key')}
                extra={isEdit ? undefined : t('admin.roles.keyHelp')}
                rules={
                  isEdit
                    ? []
                    : [
                        { required: true, message: t('admin.users.required') },
                        { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('admin.roles.keyInvalid') },
                      ]
                }
              >
                <Input disabled={isEdit} maxLength={40} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item
          name="permissions"
          label={
            isReadOnly
              ? undefined
              : `${t('admin.roles.permissions')} · ${t('admin.roles.selected', { n: picked.length })}`
          }
          rules={[
            {
              validator: (_, v: string[] | undefined) =>
                v && v.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.roles.atLeastOne'))),
            },
          ]}
        >
          <PermissionGrid readOnly={isReadOnly} grantable={new Set(session.me?.permissions ?? [])} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
