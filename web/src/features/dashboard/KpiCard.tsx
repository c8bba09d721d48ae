import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Sparkline } from './Sparkline.tsx';

export type KpiTrend = { text: string; direction: 'up' | 'down' | 'flat'; tone: 'good' | 'bad' | 'neutral' };

const TONE_COLORS = { good: '#389e0d', bad: '#cf1322', neutral: '#8c8c8c' } as const;

/** One headline figure: title with its definition, the value, a detail line and a trend hint. */
export function KpiCard({
  testId,
  title,
  hint,
  value,
  detail,
  trend,
  spark,
  accent = '#1668dc',
  isLoading,
}: {
  testId: string;
  title: string;
  hint: string;
  value: ReactNode;
  detail?: ReactNode;
  trend?: KpiTrend | null;
  spark?: readonly (number | null)[];
  accent?: string;
  isLoading: boolean;
}) {
  return (
    <Card
      size="small"
      data-testid={testId}
      style={{ height: '100%', borderTop: `3px solid ${accent}` }}
      styles={{ body: { padding: '14px 16px' } }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
          {title}
        </Typography.Text>
        <Tooltip title={hint}>
          <InfoCircleOutlined style={{ color: '#bfbfbf', fontSize: 13 }} aria-label={hint} />
        </Tooltip>
      </Flex>
      {isLoading ? (
        <Skeleton
          active
          title={{ width: '70%' }}
          paragraph={{ rows: 1, width: '50%' }}
          style={{ marginTop: 8 }}
        />
      ) : (
        <>
          <div
            data-testid={`${testId}-value`}
            style={{
              marginTop: 6,
              fontSize: 22,
              fontWeight: 600,
              lineHeight: '32px',
              fontVariantNumeric: 'tabular-nums',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {value}
          </div>
          <div style={{ minHeight: 22, marginTop: 2 }}>
            {detail ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {detail}
              </Typography.Text>
            ) : null}
          </div>
          <Flex justify="space-between" align="flex-end" gap={8} style={{ minHeight: 24 }}>
            <div style={{ minWidth: 0 }}>{trend ? <TrendHint trend={trend} /> : null}</div>
            {spark ? <Sparkline values={spark} color={accent} width={72} height={22} /> : null}
          </Flex>
        </>
      )}
    </Card>
  );
}

function TrendHint({ trend }: { trend: KpiTrend }) {
  const color = TONE_COLORS[trend.tone];
  const icon =
    trend.direction === 'up' ? (
      <ArrowUpOutlined />
    ) : trend.direction === 'down' ? (
      <ArrowDownOutlined />
    ) : (
      <MinusOutlined />
    );
  return (
    <Typography.Text style={{ fontSize: 12, color }} data-trend={trend.direction}>
      {icon} {trend.text}
    </Typography.Text>
  );
}
