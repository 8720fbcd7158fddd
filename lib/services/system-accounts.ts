import type { Db, Tx } from "@/lib/db/client";

export const FUND_ACCOUNTS = [
  { code: "FUND-POOLED", kind: "POOLED_FUND", name: "统筹基金" },
  { code: "FUND-MUTUAL-AID", kind: "MUTUAL_AID", name: "大额医疗互助基金" },
  { code: "FUND-LTC", kind: "LONG_TERM_CARE", name: "长期护理保险基金" },
  { code: "CLEARING-COLLECTION", kind: "CLEARING_COLLECTION", name: "征收清算" },
  { code: "CLEARING-INSTITUTION", kind: "CLEARING_INSTITUTION", name: "应付定点医药机构" },
  { code: "CASH", kind: "CASH", name: "外部现金" },
] as const;

export type FundCode = (typeof FUND_ACCOUNTS)[number]["code"];
export type FundAccountIds = Record<FundCode, number>;

/** Creates the fund, clearing and cash accounts if missing (they exist once per installation). */
export async function ensureFundAccounts(database: Db | Tx): Promise<FundAccountIds> {
  await database.account.createMany({ data: FUND_ACCOUNTS.map((f) => ({ ...f })), skipDuplicates: true });
  return fundAccountIds(database);
}

export async function fundAccountIds(database: Db | Tx): Promise<FundAccountIds> {
  const rows = await database.account.findMany({
    where: { code: { in: FUND_ACCOUNTS.map((f) => f.code) } },
    select: { id: true, code: true },
  });
  const ids = Object.fromEntries(rows.map((r) => [r.code, r.id])) as Partial<FundAccountIds>;
  for (const f of FUND_ACCOUNTS) {
    if (ids[f.code] === undefined) throw new Error(`fund account ${f.code} is missing: run the seed or ensureFundAccounts`);
  }
  return ids as FundAccountIds;
}
