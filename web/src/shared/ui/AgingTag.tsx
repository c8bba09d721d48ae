import { Tag } from 'antd';
import { AGING_COLORS, type AgingBucket, agingBucketOf } from '../format/aging.ts';
import { useT } from '../i18n/i18n.tsx';

/** The aging state of an open amount, coloured the same on every screen. */
export function AgingTag({ daysOverdue, bucket }: { daysOverdue?: number; bucket?: AgingBucket }) {
  const t = useT();
  const b = bucket ?? agingBucketOf(daysOverdue ?? 0);
  return (
    <Tag color={AGING_COLORS[b]} data-aging={b} style={{ marginInlineEnd: 0 }}>
      {t(`aging.${b}`)}
    </Tag>
  );
}
