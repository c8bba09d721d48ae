export * from './aging.schemas.ts';
export {
  type AgeBound,
  type AgingBasis,
  type AgingBucket,
  agingBuckets,
  parseBounds,
} from './aging-buckets.ts';
export { computeAging } from './compute-aging.ts';
export {
  listAgingItems,
  type TAgingItemDto,
  type TAgingItemsQuery,
  ZAgingItemsQuery,
} from './list-aging-items.ts';
