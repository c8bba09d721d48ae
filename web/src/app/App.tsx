import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { MfaEnrolPage } from '../features/auth/MfaEnrolPage.tsx';
import { SessionProvider, useSession } from '../features/auth/session.tsx';
import { I18nProvider, useI18n } from '../shared/i18n/i18n.tsx';
import { useLiveUpdates } from '../shared/live/use-live-updates.ts';
import { AppLayout } from './AppLayout.tsx';
import { ROUTES } from './routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
  },
});

function SignedInApp() {
  const { t } = useI18n();
  const session = useSession();
  const live = useLiveUpdates(true);
  return (
    <AppLayout live={live}>
      <Routes>
        {ROUTES.map(({ path, element: Page, permission }) => (
          <Route
            key={path}
            path={path}
            element={
              !permission || session.can(permission) ? (
                <Page />
              ) : (
                <Result status="403" title="403" subTitle={t('common.forbidden')} />
              )
            }
          />
        ))}
        <Route path="*" element={<Result status="404" title="404" subTitle={t('common.notFound')} />} />
      </Routes>
    </AppLayout>
  );
}

function Gate() {
  const session = useSession();
  if (session.isLoading)
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  if (!session.me) return <LoginPage />;
  if (session.me.must_enrol_mfa) return <MfaEnrolPage />;
  return <SignedInApp />;
}

function Localised() {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
    >
      <AntApp>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <Localised />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
