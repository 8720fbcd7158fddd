/** Chinese names of the enums shown to users, in one place. */

export const ENTRY_KIND_LABEL = {
  MONTHLY_CREDIT: "月度划入",
  BACK_CREDIT: "补划",
  OUTPATIENT: "门诊",
  PHARMACY: "购药",
  INPATIENT_SELF_PAY: "住院自付",
  LINKED_PAYMENT: "关联支付",
  LTC_DEDUCTION: "长护险",
  MUTUAL_AID_DEDUCTION: "大额互助",
  COMMERCIAL_INSURANCE: "商业保险",
  FITNESS: "健身",
  TRANSFER_IN: "转入",
  TRANSFER_OUT: "转出",
  REVERSAL: "冲正",
  CONTRIBUTION: "缴费",
  FUND_PAYMENT: "统筹支付",
  CASH_PAYMENT: "现金支付",
} as const;

export type EntryKindName = keyof typeof ENTRY_KIND_LABEL;

export const CATEGORY_LABEL = {
  EMPLOYEE_UNIT: "职工医保(随单位参保)",
  EMPLOYEE_INDIVIDUAL: "职工医保(以个人身份参保)",
  RESIDENT: "城乡居民医保",
} as const;

export const EMPLOYMENT_STATUS_LABEL = { IN_SERVICE: "在职", RETIRED: "退休" } as const;

export const TIER_LABEL = { TIER1: "一档", TIER2: "二档" } as const;

export const CARD_STATUS_LABEL = {
  ACTIVE: "正常",
  PRE_LOST: "预挂失",
  LOST: "正式挂失",
  REPLACED: "已补换",
} as const;

export function categoryText(category: keyof typeof CATEGORY_LABEL, tier: keyof typeof TIER_LABEL | null): string {
  const base = CATEGORY_LABEL[category];
  return tier && category !== "EMPLOYEE_UNIT" ? `${base} · ${TIER_LABEL[tier]}` : base;
}

export const INSTITUTION_TYPE_LABEL = {
  HOSPITAL: "医院",
  CLINIC: "基层医疗机构",
  PHARMACY: "定点零售药店",
  FITNESS: "健身场所",
} as const;
