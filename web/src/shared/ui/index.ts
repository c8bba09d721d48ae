export { AgingTag } from './AgingTag.tsx';
export { EChart, type EChartOption } from './EChart.tsx';
export { Money } from './Money.tsx';
export { PageHeader } from './PageHeader.tsx';
export { QueryState } from './QueryState.tsx';
export { StatusTag } from './StatusTag.tsx';
