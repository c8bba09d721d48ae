import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../shared/i18n/i18n.tsx';

export const PAGE_SIZES = [20, 50, 100] as const;

/** Page-by-page navigation over a cursor-paginated list: the cursors of pages seen so far. */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const index = cursors.length - 1;
  const next = useCallback(
    (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    [cursors, resetKey],
  );
  const prev = useCallback(
    () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
    [cursors, resetKey],
  );
  return { cursor: cursors[index] ?? null, page: index + 1, next, prev };
}

export function CursorPager({
  page,
  nextCursor,
  onNext,
  onPrev,
  pageSize,
  onPageSize,
}: {
  page: number;
  nextCursor: string | null | undefined;
  onNext: (cursor: string) => void;
  onPrev: () => void;
  pageSize: number;
  onPageSize: (n: number) => void;
}) {
  const t = useT();
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }} data-testid="pager">
      <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={onPrev} aria-label={t('invoices.prev')}>
        {t('invoices.prev')}
      </Button>
      <Typography.Text type="secondary" style={{ minWidth: 64, textAlign: 'center' }}>
        {t('invoices.page', { page })}
      </Typography.Text>
      <Button
        disabled={!nextCursor}
        onClick={() => nextCursor && onNext(nextCursor)}
        aria-label={t('invoices.next')}
      >
        {t('invoices.next')} <RightOutlined />
      </Button>
      <Select
        value={pageSize}
        onChange={onPageSize}
        style={{ width: 110 }}
        options={PAGE_SIZES.map((n) => ({ value: n, label: t('invoices.pageSize', { n }) }))}
      />
    </Flex>
  );
}
