import { DeleteOutlined, EditOutlined, EyeOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { TRoleDto } from '../../../../src/modules/auth/roles/roles.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { PERMISSION_AREAS, PERMISSION_COUNT } from './permission-areas.ts';
import { RoleFormModal } from './RoleFormModal.tsx';
import { SecuritySettingsCard } from './SecuritySettingsCard.tsx';
import { ADMIN_KEYS, roleName, useRoles } from './use-admin-data.ts';

/** Built-in and custom roles with their permissions, and the org's security settings. */
export function RolesPage() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const roles = useRoles();
  const [open, setOpen] = useState<TRoleDto | 'new' | null>(null);

  const remove = useMutation({
    mutationFn: (role: TRoleDto) => api.delete(`/api/roles/${role.key}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ADMIN_KEYS.roles });
      void message.success(t('admin.roles.deleted'));
    },
    onError: (e) => void message.error(errorMessage(e, locale)),
  });

  const confirmDelete = (role: TRoleDto) =>
    modal.confirm({
      title: t('common.delete'),
      content: t('admin.roles.deleteConfirm', { name: role.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(role).catch(() => undefined),
    });

  const columns: ColumnsType<TRoleDto> = [
    {
      key: 'role',
      title: t('admin.roles.col.role'),
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{roleName(t, r.key, roles.data)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'type',
      title: t('admin.roles.col.type'),
      render: (_, r) =>
        r.is_built_in ? (
          <Tag icon={<LockOutlined />}>{t('admin.roles.builtIn')}</Tag>
        ) : (
          <Tag color="purple">{t('admin.roles.custom')}</Tag>
        ),
    },
    {
      key: 'permissions',
      title: t('admin.roles.col.permissions'),
      render: (_, r) => {
        const held = new Set(r.permissions);
        return (
          <Flex vertical gap={6} style={{ minWidth: 320, maxWidth: 560 }}>
            <Flex align="center" gap={8}>
              <Progress
                percent={Math.round((held.size / PERMISSION_COUNT) * 100)}
                showInfo={false}
                size="small"
                style={{ width: 120, margin: 0 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('admin.roles.permCount', { n: held.size, total: PERMISSION_COUNT })}
              </Typography.Text>
            </Flex>
            <Flex wrap gap={4}>
              {PERMISSION_AREAS.map(({ area, permissions }) => {
                const n = permissions.filter((p) => held.has(p)).length;
                if (n === 0) return null;
                return (
                  <Tooltip
                    key={area}
                    title={permissions
                      .filter((p) => held.has(p))
                      .map((p) => t(`admin.perm.${p}`))
                      .join('、')}
                  >
                    <Tag color={n === permissions.length ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
                      {t(`admin.area.${area}`)} {n}/{permissions.length}
                    </Tag>
                  </Tooltip>
                );
              })}
            </Flex>
          </Flex>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 110,
      render: (_, r) =>
        r.is_built_in ? (
          <Tooltip title={t('common.view')}>
            <Button
              type="text"
              icon={<EyeOutlined />}
              aria-label={t('common.view')}
              onClick={() => setOpen(r)}
            />
          </Tooltip>
        ) : (
          <Space size={0}>
            <Tooltip title={t('common.edit')}>
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setOpen(r)}
                data-testid="role-edit"
              />
            </Tooltip>
            <Tooltip title={t('common.delete')}>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => confirmDelete(r)}
                data-testid="role-delete"
              />
            </Tooltip>
          </Space>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('admin.roles.title')}
        subtitle={t('admin.roles.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen('new')}
            data-testid="role-create"
          >
            {t('admin.roles.new')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <QueryState isLoading={roles.isLoading} error={roles.error} onRetry={() => void roles.refetch()}>
          <Table<TRoleDto>
            data-testid="roles-table"
            rowKey="key"
            size="middle"
            columns={columns}
            dataSource={roles.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ onDoubleClick: () => setOpen(r) })}
          />
        </QueryState>
      </Card>
      {session.can('settings.manage') ? <SecuritySettingsCard roles={roles.data ?? []} /> : null}
      <RoleFormModal open={open !== null} role={open === 'new' ? null : open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
