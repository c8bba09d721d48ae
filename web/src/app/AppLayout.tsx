import {
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileTextOutlined,
  LogoutOutlined,
  ReconciliationOutlined,
  RollbackOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, Dropdown, Flex, Grid, Layout, Menu, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../features/auth/session.tsx';
import { useI18n } from '../shared/i18n/i18n.tsx';
import type { LiveState } from '../shared/live/use-live-updates.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

type Item = { key: string; icon: ReactNode; label: string; permission: string };

/** The frame of every signed-in screen: menu, language, live status, account. */
export function AppLayout({ children, live }: { children: ReactNode; live: LiveState }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;

  const items: Item[] = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard'), permission: 'reports.read' },
    { key: '/customers', icon: <TeamOutlined />, label: t('nav.customers'), permission: 'customers.read' },
    { key: '/invoices', icon: <FileTextOutlined />, label: t('nav.invoices'), permission: 'invoices.read' },
    { key: '/receipts', icon: <BankOutlined />, label: t('nav.receipts'), permission: 'receipts.read' },
    {
      key: '/credit-notes',
      icon: <RollbackOutlined />,
      label: t('nav.creditNotes'),
      permission: 'invoices.read',
    },
    { key: '/bank', icon: <ReconciliationOutlined />, label: t('nav.bank'), permission: 'receipts.read' },
    { key: '/imports', icon: <CloudUploadOutlined />, label: t('nav.imports'), permission: 'invoices.write' },
    { key: '/admin/users', icon: <UserOutlined />, label: t('nav.users'), permission: 'users.manage' },
    { key: '/admin/roles', icon: <SafetyOutlined />, label: t('nav.roles'), permission: 'roles.manage' },
    { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings'), permission: 'settings.manage' },
  ];
  const visible = items.filter((i) => session.can(i.permission));
  const selected =
    visible
      .map((i) => i.key)
      .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)))
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="dark" width={208} collapsedWidth={64} collapsed={narrow} trigger={null}>
        {/* The dark column runs the page's full height; the menu stays in view while it scrolls. */}
        <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
          <Flex
            align="center"
            gap={8}
            style={{ height: 56, padding: narrow ? '0 20px' : '0 20px', color: '#fff' }}
          >
            <img src="/favicon.svg" alt="" width={24} height={24} />
            {narrow ? null : (
              <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
                {t('app.name')}
              </Typography.Text>
            )}
          </Flex>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={visible.map(({ key, icon, label }) => ({ key, icon, label }))}
            onClick={(e) => navigate(e.key)}
          />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            height: 56,
            lineHeight: '56px',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            <Flex align="center" gap={16}>
              <Tooltip title={live === 'live' ? t('common.live') : t('common.offline')}>
                <Badge
                  data-testid="live-status"
                  data-live={live}
                  status={live === 'live' ? 'success' : live === 'offline' ? 'error' : 'processing'}
                  text={narrow ? null : live === 'live' ? t('common.live') : t('common.offline')}
                />
              </Tooltip>
              <LanguageSwitch />
              <Dropdown
                menu={{
                  items: [
                    { key: 'account', icon: <UserOutlined />, label: t('nav.myAccount') },
                    { type: 'divider' },
                    { key: 'out', icon: <LogoutOutlined />, label: t('nav.signOut') },
                  ],
                  onClick: (e) => {
                    if (e.key === 'account') void navigate('/settings?tab=account');
                    else void session.signOut();
                  },
                }}
              >
                <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
                  {narrow ? null : session.me?.display_name || session.me?.email}
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 16 : 24, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
