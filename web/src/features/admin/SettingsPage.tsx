import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../shared/i18n/i18n.tsx';
import { PageHeader } from '../../shared/ui/index.ts';
import { useSession } from '../auth/session.tsx';
import { MyAccountPanel } from './MyAccountPanel.tsx';
import { OrgSettingsForm } from './OrgSettingsForm.tsx';

/** Organisation settings (settings.manage) and the signed-in user's own account. */
export function SettingsPage() {
  const t = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const canManage = session.can('settings.manage');
  const tab = !canManage || params.get('tab') === 'account' ? 'account' : 'org';
  const items = [
    ...(canManage ? [{ key: 'org', label: t('admin.settings.tab.org'), children: <OrgSettingsForm /> }] : []),
    { key: 'account', label: t('admin.settings.tab.account'), children: <MyAccountPanel /> },
  ];
  return (
    <>
      <PageHeader title={t('admin.settings.title')} subtitle={t('admin.settings.subtitle')} />
      <Tabs
        activeKey={tab}
        items={items}
        onChange={(key) => setParams(key === 'account' ? { tab: 'account' } : {}, { replace: true })}
        data-testid="settings-tabs"
      />
    </>
  );
}
