/** The words on the demo's documents: banks, reasons for credit notes and disputes. */

export const BANKS: readonly string[] = [
  '中国工商银行',
  '中国建设银行',
  '招商银行',
  '中国银行',
  '交通银行',
  '浦发银行',
  '兴业银行',
  '中信银行',
  '中国农业银行',
  '平安银行',
];

export const CREDIT_NOTE_REASONS: readonly string[] = [
  '质量问题价格折让',
  '实收数量差异调整',
  '年度销售返利',
  '价格调整（合同补充协议）',
  '运费补偿',
];

export const DISPUTE_REASONS: readonly string[] = [
  '部分货物质量不合格，客户要求退换',
  '实收数量与送货单不符',
  '单价与合同约定不一致',
  '发票信息有误，客户要求重开',
  '客户称未收到货物',
  '服务验收未完成',
  '交货延迟，客户要求扣款',
];

/** What settled a dispute that ended with the customer paying (possibly less, by a credit note). */
export const DISPUTE_RESOLUTIONS = {
  paid: [
    '补发短缺货物，客户同意付款',
    '核对合同后客户确认单价无误',
    '已重开发票，客户确认付款',
    '物流签收单已提供，客户撤回异议',
  ],
  credited: ['已核实质量问题，开具贷项通知单折让后结清', '协商一致按折让后金额付款'],
} as const;

export const BAD_DEBT_REASON = '客户已停止经营，多次催收无果，经财务经理批准核销坏账';
export const BANK_FEE_REASON = '客户付款少付银行手续费';
