import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Props = {
  isLoading: boolean;
  error: unknown;
  isEmpty?: boolean;
  onRetry?: () => void;
  emptyText?: string;
  children: ReactNode;
};

/** Loading, error and empty states in one place, so every screen shows them the same way. */
export function QueryState({ isLoading, error, isEmpty, onRetry, emptyText, children }: Props) {
  const { t, locale } = useI18n();
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message={t('common.error')}
        description={errorMessage(error, locale)}
        action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      />
    );
  if (isEmpty) return <Empty description={emptyText ?? t('common.empty')} />;
  return <>{children}</>;
}
