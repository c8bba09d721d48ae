import {
  CheckCircleFilled,
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  MinusCircleOutlined,
  MoreOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Input,
  type MenuProps,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { TUserDto, TUserWithPasswordDto } from '../../../../src/modules/auth/users/users.schemas.ts';
import { api, errorMessage } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/format/format.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { PageHeader, QueryState } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { isLastAdminError } from './form-errors.ts';
import { PasswordOnceModal } from './PasswordOnceModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { ADMIN_KEYS, roleName, useRoles, useUsers } from './use-admin-data.ts';

type UserState = 'active' | 'disabled' | 'locked';
const STATE_COLOR: Record<UserState, string> = { active: 'success', disabled: 'default', locked: 'error' };
const stateOf = (u: TUserDto): UserState =>
  u.status === 'disabled' ? 'disabled' : u.is_locked ? 'locked' : 'active';

type Action = 'disable' | 'enable' | 'unlock' | 'reset' | 'mfa';

/** Users of the organisation: roles, status, two-factor; create, edit, disable, unlock, reset. */
export function UsersPage() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const users = useUsers();
  const roles = useRoles();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<TUserDto | 'new' | null>(null);
  const [password, setPassword] = useState<{ email: string; password: string } | null>(null);

  const act = useMutation({
    mutationFn: async ({ user, action }: { user: TUserDto; action: Action }) => {
      const base = `/api/users/${user.id}`;
      switch (action) {
        case 'disable':
          return api.patch(base, { status: 'disabled' });
        case 'enable':
          return api.patch(base, { status: 'active' });
        case 'unlock':
          return api.post(`${base}/unlock`);
        case 'mfa':
          return api.post(`${base}/mfa/disable`);
        case 'reset':
          return api.post<TUserWithPasswordDto>(`${base}/reset-password`, {});
      }
    },
    onSuccess: (result, { user, action }) => {
      void client.invalidateQueries({ queryKey: ADMIN_KEYS.users });
      const done: Record<Action, string> = {
        disable: 'admin.users.disabled',
        enable: 'admin.users.enabled',
        unlock: 'admin.users.unlocked',
        mfa: 'admin.users.mfaDisabled',
        reset: 'admin.users.updated',
      };
      if (action === 'reset') {
        const generated = (result as TUserWithPasswordDto).generated_password;
        if (generated) setPassword({ email: user.email, password: generated });
        return;
      }
      void message.success(t(done[action]));
    },
    onError: (e) => {
      void message.error(isLastAdminError(e) ? t('admin.users.lastAdmin') : errorMessage(e, locale));
    },
  });

  const confirm = (user: TUserDto, action: Action) => {
    const text: Partial<Record<Action, string>> = {
      disable: 'admin.users.disableConfirm',
      enable: 'admin.users.enableConfirm',
      reset: 'admin.users.resetConfirm',
      mfa: 'admin.users.mfaConfirm',
    };
    const key = text[action];
    if (!key) return act.mutate({ user, action });
    modal.confirm({
      title: t('common.confirm'),
      content: t(key, { email: user.email }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: action === 'disable' || action === 'mfa' },
      onOk: () => act.mutateAsync({ user, action }).catch(() => undefined),
    });
  };

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const list = users.data ?? [];
    if (!q) return list;
    return list.filter((u) => u.email.toLowerCase().includes(q) || u.display_name.toLowerCase().includes(q));
  }, [users.data, search]);

  const menuOf = (u: TUserDto): MenuProps['items'] => {
    const isSelf = u.id === session.me?.id;
    return [
      u.is_locked ? { key: 'unlock', icon: <UnlockOutlined />, label: t('admin.users.unlock') } : null,
      { key: 'reset', icon: <KeyOutlined />, label: t('admin.users.resetPassword') },
      u.mfa_enabled
        ? { key: 'mfa', icon: <SafetyCertificateOutlined />, label: t('admin.users.disableMfa') }
        : null,
      { type: 'divider' as const },
      u.status === 'active'
        ? {
            key: 'disable',
            icon: <StopOutlined />,
            label: t('admin.users.disable'),
            danger: true,
            disabled: isSelf,
          }
        : { key: 'enable', icon: <CheckCircleFilled />, label: t('admin.users.enable') },
    ].filter((i) => i !== null);
  };

  const columns: ColumnsType<TUserDto> = [
    {
      key: 'user',
      title: t('admin.users.col.user'),
      fixed: 'left',
      sorter: (a, b) => (a.display_name || a.email).localeCompare(b.display_name || b.email, locale),
      render: (_, u) => (
        <Flex vertical>
          <Space size={6}>
            <Typography.Text strong>{u.display_name || u.email}</Typography.Text>
            {u.id === session.me?.id ? <Tag color="blue">{t('admin.users.you')}</Tag> : null}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.email}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'roles',
      title: t('admin.users.col.roles'),
      render: (_, u) => (
        <Flex wrap gap={4} style={{ maxWidth: 320 }}>
          {u.roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'gold' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
              {roleName(t, r, roles.data)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'mfa',
      title: t('admin.users.col.mfa'),
      filters: [
        { text: t('admin.users.mfa.on'), value: true },
        { text: t('admin.users.mfa.off'), value: false },
      ],
      onFilter: (v, u) => u.mfa_enabled === v,
      render: (_, u) =>
        u.mfa_enabled ? (
          <Tag icon={<SafetyCertificateOutlined />} color="success">
            {t('admin.users.mfa.on')}
          </Tag>
        ) : (
          <Tag icon={<MinusCircleOutlined />}>{t('admin.users.mfa.off')}</Tag>
        ),
    },
    {
      key: 'status',
      title: t('admin.users.col.status'),
      filters: (['active', 'disabled', 'locked'] as const).map((s) => ({
        text: t(`admin.users.status.${s}`),
        value: s,
      })),
      onFilter: (v, u) => stateOf(u) === v,
      render: (_, u) => {
        const state = stateOf(u);
        const tag = (
          <Tag color={STATE_COLOR[state]} icon={state === 'locked' ? <LockOutlined /> : undefined}>
            {t(`admin.users.status.${state}`)}
          </Tag>
        );
        return state === 'locked' && u.locked_until ? (
          <Tooltip title={t('admin.users.lockedUntil', { time: formatDateTime(u.locked_until, locale) })}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      },
    },
    {
      key: 'last',
      title: t('admin.users.col.lastLogin'),
      sorter: (a, b) => (a.last_login_at ?? '').localeCompare(b.last_login_at ?? ''),
      render: (_, u) =>
        u.last_login_at ? (
          formatDateTime(u.last_login_at, locale)
        ) : (
          <Typography.Text type="secondary">{t('admin.users.neverSignedIn')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 120,
      render: (_, u) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setEditing(u)}
              data-testid="user-edit"
            />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{ items: menuOf(u), onClick: ({ key }) => confirm(u, key as Action) }}
          >
            <Button
              type="text"
              icon={<MoreOutlined />}
              aria-label={t('admin.users.more')}
              data-testid="user-more"
            />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        subtitle={t('admin.users.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="user-create"
          >
            {t('admin.users.new')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ padding: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('admin.users.search')}
            aria-label={t('admin.users.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="users-search"
          />
          {users.data ? (
            <Typography.Text type="secondary">{t('admin.users.count', { n: rows.length })}</Typography.Text>
          ) : null}
        </Flex>
        <QueryState isLoading={users.isLoading} error={users.error} onRetry={() => void users.refetch()}>
          <Table<TUserDto>
            data-testid="users-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: t('admin.users.empty'),
              filterConfirm: t('common.confirm'),
              filterReset: t('common.reset'),
            }}
            onRow={(u) => ({ style: u.status === 'disabled' ? { opacity: 0.6 } : undefined })}
          />
        </QueryState>
      </Card>
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        roles={roles.data ?? []}
        onClose={() => setEditing(null)}
        onPassword={setPassword}
      />
      <PasswordOnceModal shown={password} onClose={() => setPassword(null)} />
    </>
  );
}
