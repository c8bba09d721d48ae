import type { TKpisDto } from '../kpis/kpis.schemas.ts';
import type { ReportTable } from './report-table.ts';

/** The KPIs and their monthly trend as an exportable table. */
export function kpiReportTable(k: TKpisDto, locale: 'en' | 'zh-CN' = 'en'): ReportTable {
  const zh = locale === 'zh-CN';
  const m = k.kpis;
  const kpis: [string, string, string | number | null][] = [
    ['DSO (standard)', '应收账款周转天数（标准）', m.dso_standard],
    ['DSO (countback)', '应收账款周转天数（倒推）', m.dso_countback],
    ['Best possible DSO', '最佳周转天数', m.best_possible_dso],
    ['CEI %', '回款有效性指数 %', m.cei_pct],
    ['AR turnover', '应收账款周转率', m.ar_turnover],
    ['AR turnover (annualised)', '应收账款周转率（年化）', m.ar_turnover_annualised],
    ['Days late (weighted)', '平均逾期天数（加权）', m.days_late.weighted],
    ['Paid late %', '逾期付款比例 %', m.days_late.paid_late_pct],
    ['Current %', '未到期占比 %', m.current_pct],
    ['At risk (90+) %', '高风险（逾期90天以上）%', m.at_risk_pct],
    ['Disputed %', '争议发票比例 %', m.dispute.by_count_pct],
    ['Promises kept %', '承诺兑现率 %', m.promise_kept.kept_pct],
  ];
  return {
    title: zh ? '应收账款关键指标' : 'Accounts receivable KPIs',
    subtitle: [
      `${zh ? '截至' : 'As of'} ${k.as_of} (${k.period.from} – ${k.period.to}); ${k.base_currency}`,
      `${zh ? '应收账款' : 'Receivables'} ${k.amounts.receivables}; ${zh ? '赊销' : 'credit sales'} ${k.amounts.credit_sales}`,
    ],
    sections: [
      {
        title: zh ? '指标' : 'KPIs',
        columns: [
          { header: zh ? '指标' : 'KPI', kind: 'text' },
          { header: zh ? '数值' : 'Value', kind: 'amount' },
        ],
        rows: kpis.map(([en, cn, v]) => [zh ? cn : en, v === null ? null : String(v)]),
      },
      {
        title: zh ? '月度趋势' : 'Monthly trend',
        columns: [
          { header: zh ? '月份' : 'Month', kind: 'text' },
          { header: zh ? '应收账款' : 'Receivables', kind: 'amount' },
          { header: zh ? '赊销' : 'Credit sales', kind: 'amount' },
          { header: 'DSO', kind: 'amount' },
          { header: zh ? 'DSO（倒推）' : 'DSO countback', kind: 'amount' },
          { header: 'CEI %', kind: 'amount' },
          { header: zh ? '未到期 %' : 'Current %', kind: 'amount' },
          { header: zh ? '90天以上 %' : '90+ %', kind: 'amount' },
        ],
        rows: k.trend.map((t) => [
          t.month,
          t.receivables,
          t.credit_sales,
          t.dso_standard === null ? null : String(t.dso_standard),
          t.dso_countback === null ? null : String(t.dso_countback),
          t.cei_pct === null ? null : String(t.cei_pct),
          t.current_pct === null ? null : String(t.current_pct),
          t.at_risk_pct === null ? null : String(t.at_risk_pct),
        ]),
      },
    ],
  };
}
