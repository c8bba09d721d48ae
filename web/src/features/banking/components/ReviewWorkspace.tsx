import { CheckOutlined, CloseOutlined, EditOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, Grid, Row, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, type Page } from '../../../shared/api/client.ts';
import { formatDate, formatMoney } from '../../../shared/format/format.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { QueryState } from '../../../shared/ui/index.ts';
import { useSession } from '../../auth/session.tsx';
import { type ProposalBrief, type ReviewItem, useConfirmMatch, useDismissLine } from '../use-banking.ts';
import { ConfidenceBar, Kbd } from './bits.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { MatchByHandDrawer } from './MatchByHandDrawer.tsx';

type Props = {
  mode: 'suggested' | 'unmatched';
  query: UseInfiniteQueryResult<InfiniteData<Page<ReviewItem>>>;
};

/** What a line can be compared with: its suggestion first, then the alternatives (or candidates). */
function optionsOf(item: ReviewItem): ProposalBrief[] {
  const s = item.suggestion;
  if (!s) return [];
  const { alternatives, ...best } = s;
  return best.customer ? [best, ...alternatives] : [...alternatives];
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.ant-select, .ant-modal, .ant-drawer, .ant-popover') !== null
  );
}

/**
 * The review queue (or the unmatched lines): the bank lines on the left, the selected one compared
 * side by side with what it may pay on the right. j/k or the arrows move, Enter accepts.
 */
export function ReviewWorkspace({ mode, query }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const canReview = session.can('matching.review');
  const screens = Grid.useBreakpoint();
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const [handItem, setHandItem] = useState<ReviewItem | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const confirm = useConfirmMatch();
  const dismiss = useDismissLine();
  const busy = confirm.isPending || dismiss.isPending;

  const index = Math.max(
    0,
    items.findIndex((i) => i.id === selectedId),
  );
  const current = items[index] ?? null;
  const options = useMemo(() => (current ? optionsOf(current) : []), [current]);
  const hasSuggestion = mode === 'suggested' && Boolean(current?.suggestion?.customer);
  const proposal = options[shown] ?? null;

  const select = useCallback(
    (i: number) => {
      const next = items[Math.min(Math.max(i, 0), items.length - 1)];
      if (!next) return;
      setSelectedId(next.id);
      setShown(0);
      listRef.current
        ?.querySelector(`[data-line-id="${next.id}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    },
    [items],
  );

  // When the selected line leaves the queue (decided here or elsewhere), stay at its place.
  const lastIndex = useRef(0);
  useEffect(() => {
    if (items.length === 0) return;
    const at = items.findIndex((i) => i.id === selectedId);
    if (at >= 0) {
      lastIndex.current = at;
      return;
    }
    const next = items[Math.min(lastIndex.current, items.length - 1)];
    if (next) {
      setSelectedId(next.id);
      setShown(0);
    }
  }, [items, selectedId]);

  const feedback = useCallback(
    (text: string) => ({
      onSuccess: () => void message.success(text),
      onError: (e: unknown) => void message.error(errorMessage(e, locale)),
    }),
    [message, locale],
  );

  const accept = useCallback(() => {
    if (!current || !proposal?.customer || busy || !canReview) return;
    const body =
      hasSuggestion && shown === 0
        ? {}
        : {
            customer: proposal.customer.id,
            allocations: proposal.allocations.map((a) => ({ invoice: a.invoice_id, amount: a.amount })),
          };
    confirm.mutate({ id: current.id, body }, feedback(t('banking.action.accepted')));
  }, [current, proposal, busy, canReview, hasSuggestion, shown, confirm, t, feedback]);

  const act = useCallback(
    (action: 'reject' | 'ignore') => {
      if (!current || busy || !canReview) return;
      if (action === 'reject' && mode !== 'suggested') return;
      dismiss.mutate(
        { id: current.id, action },
        feedback(t(action === 'reject' ? 'banking.action.rejected' : 'banking.action.ignored')),
      );
    },
    [current, busy, canReview, mode, dismiss, t, feedback],
  );

  const openHand = useCallback(() => {
    if (current && canReview) setHandItem(current);
  }, [current, canReview]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || handItem) return;
      const k = e.key;
      if (k === 'j' || k === 'ArrowDown') select(index + 1);
      else if (k === 'k' || k === 'ArrowUp') select(index - 1);
      else if (
        k === 'Enter' &&
        !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)
      )
        accept();
      else if (k === 'r') act('reject');
      else if (k === 'i') act('ignore');
      else if (k === 'm') openHand();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, select, accept, act, openHand, handItem]);

  const hasMore = query.hasNextPage;
  const canAccept = Boolean(proposal?.customer) && canReview;

  const actions = current ? (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap>
          {canAccept ? (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              data-testid="bank-accept"
              loading={confirm.isPending}
              disabled={busy}
              onClick={accept}
            >
              {hasSuggestion && shown === 0
                ? t('banking.action.accept')
                : t('banking.action.acceptAlternative')}
              <Kbd>↵</Kbd>
            </Button>
          ) : null}
          {mode === 'suggested' ? (
            <Button
              danger
              icon={<CloseOutlined />}
              data-testid="bank-reject"
              disabled={busy || !canReview}
              onClick={() => act('reject')}
            >
              {t('banking.action.reject')} <Kbd>r</Kbd>
            </Button>
          ) : null}
          <Button
            icon={<EditOutlined />}
            data-testid="bank-match-by-hand"
            disabled={busy || !canReview}
            onClick={openHand}
            type={canAccept ? 'default' : 'primary'}
          >
            {t('banking.action.matchByHand')} <Kbd>m</Kbd>
          </Button>
          <Button
            icon={<EyeInvisibleOutlined />}
            data-testid="bank-ignore"
            disabled={busy || !canReview}
            onClick={() => act('ignore')}
          >
            {t('banking.action.ignore')} <Kbd>i</Kbd>
          </Button>
        </Flex>
        {!canReview ? (
          <Typography.Text type="secondary">{t('banking.action.noPermission')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  ) : null;

  return (
    <QueryState
      isLoading={query.isLoading}
      error={query.error}
      onRetry={() => void query.refetch()}
      isEmpty={items.length === 0}
      emptyText={t(mode === 'suggested' ? 'banking.empty.suggested' : 'banking.empty.unmatched')}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={6}>
          <Card
            size="small"
            title={
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {hasMore
                  ? t('banking.line.countMore', { shown: items.length })
                  : t('banking.line.count', { shown: items.length, total: items.length })}
              </Typography.Text>
            }
            styles={{ body: { padding: 0 } }}
          >
            <div
              ref={listRef}
              data-testid="bank-review-list"
              role="listbox"
              aria-label={t(`banking.tab.${mode}`)}
              style={{
                maxHeight: screens.lg ? 'calc(100vh - 330px)' : 300,
                minHeight: 200,
                overflowY: 'auto',
              }}
            >
              {items.map((item, i) => (
                <LineRow
                  key={item.id}
                  item={item}
                  isSelected={i === index}
                  mode={mode}
                  onClick={() => select(i)}
                />
              ))}
              {hasMore ? (
                <Flex justify="center" style={{ padding: 8 }}>
                  <Button
                    size="small"
                    loading={query.isFetchingNextPage}
                    onClick={() => void query.fetchNextPage()}
                  >
                    {t('common.loadMore')}
                  </Button>
                </Flex>
              ) : null}
            </div>
            <KeyHints mode={mode} />
          </Card>
        </Col>
        <Col xs={24} lg={17} xxl={18}>
          {current ? (
            <ComparePanel
              item={current}
              options={options}
              shown={shown}
              onShow={setShown}
              hasSuggestion={hasSuggestion}
              actions={actions}
            />
          ) : (
            <Empty description={t('banking.compare.selectLine')} />
          )}
        </Col>
      </Row>
      <MatchByHandDrawer
        item={handItem}
        customerId={handItem ? (options[shown]?.customer?.id ?? options[0]?.customer?.id) : undefined}
        onClose={() => setHandItem(null)}
        onDone={() => setHandItem(null)}
      />
    </QueryState>
  );
}

function LineRow({
  item,
  isSelected,
  mode,
  onClick,
}: {
  item: ReviewItem;
  isSelected: boolean;
  mode: 'suggested' | 'unmatched';
  onClick: () => void;
}) {
  const { t, locale } = useI18n();
  const s = item.suggestion;
  return (
    <div
      role="option"
      aria-selected={isSelected}
      tabIndex={-1}
      data-line-id={item.id}
      data-testid="bank-line"
      onClick={onClick}
      onKeyDown={undefined}
      style={{
        cursor: 'pointer',
        padding: '10px 12px',
        borderBottom: '1px solid #f0f0f0',
        borderLeft: `3px solid ${isSelected ? '#1668dc' : 'transparent'}`,
        background: isSelected ? '#e6f4ff' : undefined,
      }}
    >
      <Flex justify="space-between" gap={8} align="baseline">
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {formatDate(item.booking_date, locale)}
        </Typography.Text>
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {formatMoney(item.amount, item.currency, locale)}
        </Typography.Text>
      </Flex>
      <Typography.Text
        ellipsis
        style={{ display: 'block', maxWidth: '100%' }}
        type={item.counterparty_name ? undefined : 'secondary'}
      >
        {item.counterparty_name ?? t('banking.line.noPayer')}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', maxWidth: '100%', fontSize: 12 }}>
        {item.remittance ?? t('banking.line.noRemittance')}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
        {s?.customer ? (
          <Tooltip title={s.customer.name}>
            <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: 160 }}>
              → {s.customer.name}
            </Typography.Text>
          </Tooltip>
        ) : mode === 'unmatched' && s && s.alternatives.length > 0 ? (
          <Tag style={{ marginInlineEnd: 0 }}>{t('banking.compare.candidates')}</Tag>
        ) : (
          <span />
        )}
        {s && (s.customer || s.confidence > 0) ? <ConfidenceBar value={s.confidence} width={88} /> : null}
      </Flex>
    </div>
  );
}

function KeyHints({ mode }: { mode: 'suggested' | 'unmatched' }) {
  const t = useI18n().t;
  return (
    <Flex
      gap={12}
      wrap
      data-testid="bank-key-hints"
      style={{ padding: '8px 12px', borderTop: '1px solid #f0f0f0', background: '#fafafa', fontSize: 12 }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('banking.keys.hint')}
      </Typography.Text>
      <span>
        <Kbd>j</Kbd> <Kbd>k</Kbd> <Kbd>↑</Kbd> <Kbd>↓</Kbd>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('banking.keys.move')}
        </Typography.Text>
      </span>
      <span>
        <Kbd>↵</Kbd>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('banking.keys.accept')}
        </Typography.Text>
      </span>
      {mode === 'suggested' ? (
        <span>
          <Kbd>r</Kbd>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('banking.keys.reject')}
          </Typography.Text>
        </span>
      ) : null}
      <span>
        <Kbd>i</Kbd>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('banking.keys.ignore')}
        </Typography.Text>
      </span>
      <span>
        <Kbd>m</Kbd>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('banking.keys.hand')}
        </Typography.Text>
      </span>
    </Flex>
  );
}
