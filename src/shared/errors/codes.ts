/** Every error code the product can return, its HTTP status, and its message in both languages. */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, en: 'The request is not valid', zh: '请求无效' },
  IMPORT_REJECTED: {
    status: 422,
    en: 'The file was rejected; nothing was written',
    zh: '文件被拒绝，未写入任何数据',
  },
  BANK_LINE_NOT_FOUND: { status: 404, en: 'Bank line not found', zh: '未找到银行流水' },
  BANK_LINE_NOT_OPEN: {
    status: 409,
    en: 'The bank line is already matched or ignored',
    zh: '该银行流水已核销或已忽略',
  },
  MATCH_NOT_FOUND: {
    status: 404,
    en: 'No match to undo on this bank line',
    zh: '该银行流水没有可撤销的核销',
  },
  STATEMENT_REJECTED: {
    status: 422,
    en: 'The bank statement was rejected; nothing was imported',
    zh: '银行对账单被拒绝，未导入任何数据',
  },
  IMPORT_FORMAT_UNSUPPORTED: { status: 415, en: 'Unsupported file format', zh: '不支持的文件格式' },
  BANK_ACCOUNT_NOT_FOUND: { status: 404, en: 'Bank account not found', zh: '未找到银行账户' },
  BANK_ACCOUNT_EXISTS: {
    status: 409,
    en: 'A bank account with this name, IBAN or number already exists',
    zh: '同名或同账号的银行账户已存在',
  },
  BANK_ACCOUNT_MISMATCH: {
    status: 409,
    en: 'The statement is for another bank account; nothing was imported',
    zh: '对账单属于其他银行账户，未导入任何数据',
  },
  BANK_ACCOUNT_REQUIRED: {
    status: 422,
    en: 'The statement does not name its bank account: choose one',
    zh: '对账单未注明银行账户：请指定账户',
  },
  NOT_FOUND: { status: 404, en: 'Not found', zh: '未找到' },
  ORG_NOT_FOUND: { status: 404, en: 'Organisation not found', zh: '未找到组织' },
  ORG_NOT_INITIALISED: {
    status: 409,
    en: 'No organisation yet: run `settle init`',
    zh: '尚未初始化：请运行 settle init',
  },
  ORG_BASE_CURRENCY_LOCKED: {
    status: 409,
    en: 'The base currency cannot change once documents exist',
    zh: '已有单据，本位币不可更改',
  },
  CUSTOMER_NOT_FOUND: { status: 404, en: 'Customer not found', zh: '未找到客户' },
  CUSTOMER_CODE_TAKEN: { status: 409, en: 'Customer code already exists', zh: '客户编码已存在' },
  CUSTOMER_HAS_DOCUMENTS: {
    status: 409,
    en: 'Customer has documents and cannot be deleted',
    zh: '客户已有单据，无法删除',
  },
  INVOICE_NOT_FOUND: { status: 404, en: 'Invoice not found', zh: '未找到发票' },
  INVOICE_NUMBER_TAKEN: { status: 409, en: 'Invoice number already exists', zh: '发票号已存在' },
  INVOICE_HAS_ALLOCATIONS: {
    status: 409,
    en: 'Invoice has live allocations; reverse them first',
    zh: '发票已有核销，请先冲销',
  },
  CREDIT_NOTE_NOT_FOUND: { status: 404, en: 'Credit note not found', zh: '未找到贷项通知单' },
  CREDIT_NOTE_NUMBER_TAKEN: {
    status: 409,
    en: 'Credit note number already exists',
    zh: '贷项通知单号已存在',
  },
  RECEIPT_NOT_FOUND: { status: 404, en: 'Receipt not found', zh: '未找到收款' },
  ALLOCATION_NOT_FOUND: { status: 404, en: 'Allocation not found', zh: '未找到核销记录' },
  WRITE_OFF_NOT_FOUND: { status: 404, en: 'Write-off not found', zh: '未找到核销坏账' },
  ALLOCATION_EXCEEDS_OPEN_AMOUNT: {
    status: 409,
    en: 'Amount exceeds the open amount of the invoice',
    zh: '金额超过发票未结金额',
  },
  ALLOCATION_EXCEEDS_UNAPPLIED: {
    status: 409,
    en: 'Amount exceeds the unapplied amount',
    zh: '金额超过未核销余额',
  },
  CURRENCY_MISMATCH: { status: 409, en: 'Currencies differ', zh: '币种不一致' },
  CUSTOMER_MISMATCH: { status: 409, en: 'Documents belong to different customers', zh: '单据属于不同客户' },
  DATE_BEFORE_DOCUMENT: { status: 409, en: 'Date is before the document date', zh: '日期早于单据日期' },
  ALREADY_REVERSED: { status: 409, en: 'Already reversed', zh: '已冲销' },
  EXCHANGE_RATE_MISSING: {
    status: 409,
    en: 'No exchange rate for this currency and date',
    zh: '缺少该币种和日期的汇率',
  },
  DISPUTE_NOT_FOUND: { status: 404, en: 'Dispute not found', zh: '未找到争议' },
  DISPUTE_ALREADY_OPEN: {
    status: 409,
    en: 'The invoice already has an open dispute',
    zh: '该发票已有未解决的争议',
  },
  DISPUTE_ALREADY_RESOLVED: { status: 409, en: 'The dispute is already resolved', zh: '争议已解决' },
  AMOUNT_NOT_POSITIVE: { status: 400, en: 'Amount must be positive', zh: '金额必须为正数' },
  UNAUTHORIZED: { status: 401, en: 'Authentication required', zh: '需要登录' },
  INTERNAL: { status: 500, en: 'Internal error', zh: '内部错误' },
  // Trust: authentication, permissions, keys, audit
  AUTH_REQUIRED: { status: 401, en: 'Sign in first', zh: '请先登录' },
  AUTH_INVALID_CREDENTIALS: { status: 401, en: 'Wrong email or password', zh: '邮箱或密码错误' },
  MFA_REQUIRED: {
    status: 401,
    en: 'Enter the code from your authenticator app',
    zh: '请输入身份验证器中的验证码',
  },
  MFA_INVALID: { status: 401, en: 'The verification code is wrong', zh: '验证码错误' },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    en: 'Your role requires two-factor authentication: enrol first',
    zh: '您的角色要求双因素认证：请先完成绑定',
  },
  MFA_ALREADY_ENABLED: { status: 409, en: 'Two-factor authentication is already on', zh: '双因素认证已启用' },
  ACCOUNT_LOCKED: {
    status: 423,
    en: 'Account locked after too many failed sign-ins',
    zh: '登录失败次数过多，账户已锁定',
  },
  ACCOUNT_DISABLED: { status: 403, en: 'Account disabled', zh: '账户已停用' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    en: 'Too many attempts: try again later',
    zh: '尝试次数过多，请稍后再试',
  },
  PERMISSION_DENIED: {
    status: 403,
    en: 'You do not have permission to do this',
    zh: '您没有执行此操作的权限',
  },
  CSRF_INVALID: { status: 403, en: 'Missing or wrong CSRF token', zh: 'CSRF 令牌缺失或错误' },
  PASSWORD_POLICY: { status: 422, en: 'The password does not meet the policy', zh: '密码不符合安全策略' },
  USER_EXISTS: { status: 409, en: 'A user with this email already exists', zh: '该邮箱的用户已存在' },
  USER_NOT_FOUND: { status: 404, en: 'User not found', zh: '未找到用户' },
  ROLE_NOT_FOUND: { status: 404, en: 'Role not found', zh: '未找到角色' },
  ROLE_EXISTS: { status: 409, en: 'A role with this key already exists', zh: '该角色已存在' },
  ROLE_BUILT_IN: { status: 409, en: 'Built-in roles cannot be changed', zh: '内置角色不可修改' },
  ROLE_IN_USE: { status: 409, en: 'The role is still assigned to users', zh: '该角色仍有用户使用' },
  TOKEN_NOT_FOUND: { status: 404, en: 'API token not found', zh: '未找到 API 令牌' },
  MASTER_KEY_MISSING: {
    status: 500,
    en: 'No master key: set SETTLE_MASTER_KEY or run `settle init`',
    zh: '缺少主密钥：请设置 SETTLE_MASTER_KEY 或运行 settle init',
  },
  MASTER_KEY_INVALID: { status: 500, en: 'The master key is not valid', zh: '主密钥无效' },
  DECRYPTION_FAILED: { status: 500, en: 'An encrypted field could not be decrypted', zh: '加密字段无法解密' },
  AUDIT_CHAIN_BROKEN: { status: 409, en: 'The audit trail has been tampered with', zh: '审计日志已被篡改' },
  PDF_FONT_MISSING: {
    status: 500,
    en: 'No Chinese font for PDF: install fonts-noto-cjk or set SETTLE_CJK_FONT',
    zh: '缺少用于 PDF 的中文字体：请安装 fonts-noto-cjk 或设置 SETTLE_CJK_FONT',
  },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
