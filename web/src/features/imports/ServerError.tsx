import { Alert } from 'antd';
import { ERROR_CODES } from '../../../../src/shared/errors/codes.ts';
import { ApiError } from '../../shared/api/client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';

type Failure = { code: string; message: string };

/** The error's code in the reader's language as the title, the server's own detail below it. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export function ServerError({ title, failure }: { title: string; failure: Failure }) {
  const { t, locale } = useI18n();
  if (failure.code === 'NETWORK')
    return <Alert type="error" showIcon message={title} description={t('imports.error.network')} />;
  const known = (ERROR_CODES as Record<string, { en: string; zh: string }>)[failure.code];
  const headline = known ? (locale === 'zh-CN' ? known.zh : known.en) : null;
  const detail = failure.message && failure.message !== headline ? failure.message : null;
  return (
    <Alert
      type="error"
      showIcon
      message={title}
      description={
        <>
          {headline ? <div>{headline}</div> : null}
          {detail ? <div style={{ opacity: 0.75, wordBreak: 'break-word' }}>{detail}</div> : null}
        </>
      }
    />
  );
}
