import type { TForecastDto } from '../../forecast/index.ts';
import type { ReportTable } from './report-table.ts';

/** The cash-flow forecast (and how past weeks' forecasts fared) as an exportable table. */
export function forecastReportTable(f: TForecastDto, locale: 'en' | 'zh-CN' = 'en'): ReportTable {
  const zh = locale === 'zh-CN';
  return {
    title: zh ? '回款预测' : 'Cash receipts forecast',
    subtitle: [
      `${zh ? '截至' : 'As of'} ${f.as_of}; ${f.base_currency}; ${zh ? '未结金额' : 'open'} ${f.open_amount}`,
      ...f.notes.slice(0, 3),
    ],
    sections: [
      {
        title: zh ? '未来各周' : 'Weeks ahead',
        columns: [
          { header: zh ? '周起' : 'Week from', kind: 'text' },
          { header: zh ? '周止' : 'to', kind: 'text' },
          { header: zh ? '预计' : 'Expected', kind: 'amount' },
          { header: zh ? '低' : 'Low', kind: 'amount' },
          { header: zh ? '高' : 'High', kind: 'amount' },
          { header: zh ? '累计预计' : 'Cumulative', kind: 'amount' },
        ],
        rows: f.weeks.map((w) => [w.start, w.end, w.expected, w.low, w.high, w.cumulative_expected]),
      },
      {
        title: zh ? '过去各周：预测与实际' : 'Past weeks: forecast and actual',
        columns: [
          { header: zh ? '周起' : 'Week from', kind: 'text' },
          { header: zh ? '周止' : 'to', kind: 'text' },
          { header: zh ? '预测' : 'Forecast', kind: 'amount' },
          { header: zh ? '实际' : 'Actual', kind: 'amount' },
        ],
        rows: f.past.map((p) => [p.start, p.end, p.forecast, p.actual]),
      },
    ],
  };
}
