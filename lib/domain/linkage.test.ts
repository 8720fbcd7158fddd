import { expect, test } from "vitest";
import {
  canSpendFrom,
  checkLinkage,
  type LinkageParty,
  LINKAGE_RULE_LABEL,
  type LinkageRuleCode,
  missingLinkageDocuments,
  readLinkageDocuments,
} from "./linkage";

// Seed 001: 小明 (user) spends from 小红 (provider).
const party = (personId: number, over: Partial<LinkageParty> = {}): LinkageParty => ({
  personId,
  category: "EMPLOYEE_UNIT",
  insuredCity: "重庆",
  districtCode: "500103",
  benefitStatus: "NORMAL",
  activeLinkage: null,
  ...over,
});
const xiaoming = party(1);
const xiaohong = party(2, { districtCode: "500105" });
const linkedXiaoming = party(1, { activeLinkage: { role: "USER", linkageId: 7 } });
const linkedXiaohong = party(2, { activeLinkage: { role: "PROVIDER", linkageId: 7 } });
const stranger = party(3, { districtCode: "500112" });

test.each<{ label: string; user: LinkageParty; provider: LinkageParty; rules: LinkageRuleCode[] }>([
  {
    label: "§7.4 seed: 小明 and 小红, both Chongqing employee insurance, different districts → allowed",
    user: xiaoming,
    provider: xiaohong,
    rules: [],
  },
  {
    label: "§7.4 unit-insured and individually insured employees may link",
    user: xiaoming,
    provider: party(2, { category: "EMPLOYEE_INDIVIDUAL" }),
    rules: [],
  },
  {
    label: "§7.4 seed: different Chongqing districts (渝中 / 渝北) can link",
    user: party(1, { districtCode: "500103" }),
    provider: party(2, { districtCode: "500112" }),
    rules: [],
  },
  {
    label: "§7.3 a person cannot link with themself",
    user: xiaoming,
    provider: party(1),
    rules: ["NOT_SELF"],
  },
  {
    label: "§7.3 seed: linked 小明 cannot link with anyone else as user (no one-to-many)",
    user: linkedXiaoming,
    provider: stranger,
    rules: ["ONE_TO_ONE"],
  },
  {
    label: "§7.3 seed: linked 小明 cannot become a provider either (no multi-node)",
    user: stranger,
    provider: linkedXiaoming,
    rules: ["ONE_TO_ONE"],
  },
  {
    label: "§7.3 seed: linked 小红 cannot provide to anyone else",
    user: stranger,
    provider: linkedXiaohong,
    rules: ["ONE_TO_ONE"],
  },
  {
    label: "§7.3 seed: linked 小红 cannot become a user either (no multi-node)",
    user: linkedXiaohong,
    provider: stranger,
    rules: ["ONE_TO_ONE"],
  },
  {
    label: "§7.3 seed: 小红 cannot link back to spend 小明's money (no circular linkage)",
    user: linkedXiaohong,
    provider: linkedXiaoming,
    rules: ["ONE_TO_ONE"],
  },
  {
    label: "§7.3 the same pair cannot link twice",
    user: linkedXiaoming,
    provider: linkedXiaohong,
    rules: ["ONE_TO_ONE"],
  },
  {
    label: "§7.3 both already linked elsewhere: both named",
    user: party(4, { activeLinkage: { role: "USER", linkageId: 8 } }),
    provider: party(5, { activeLinkage: { role: "PROVIDER", linkageId: 9 } }),
    rules: ["ONE_TO_ONE", "ONE_TO_ONE"],
  },
  {
    label: "§7.4 seed: employee-insured user and resident-insured provider cannot link",
    user: xiaoming,
    provider: party(2, { category: "RESIDENT" }),
    rules: ["EMPLOYEE_INSURANCE"],
  },
  {
    label: "§7.4 resident-insured user cannot link",
    user: party(1, { category: "RESIDENT" }),
    provider: xiaohong,
    rules: ["EMPLOYEE_INSURANCE"],
  },
  {
    label: "§7.4 seed: 小明 insured in 成都, 小红 in 重庆 → refused",
    user: party(1, { insuredCity: "成都" }),
    provider: xiaohong,
    rules: ["CHONGQING_ONLY"],
  },
  {
    label: "§7.4 a provider insured outside Chongqing → refused",
    user: xiaoming,
    provider: party(2, { insuredCity: "成都" }),
    rules: ["CHONGQING_ONLY"],
  },
  {
    label: "§7.4 user's benefits suspended by arrears → refused",
    user: party(1, { benefitStatus: "SUSPENDED" }),
    provider: xiaohong,
    rules: ["NORMAL_BENEFIT"],
  },
  {
    label: "§7.4 provider in a waiting period → refused",
    user: xiaoming,
    provider: party(2, { benefitStatus: "WAITING" }),
    rules: ["NORMAL_BENEFIT"],
  },
  {
    label: "§7.4 provider's insurance ended → refused",
    user: xiaoming,
    provider: party(2, { benefitStatus: "ENDED" }),
    rules: ["NORMAL_BENEFIT"],
  },
  {
    label: "every failing rule is listed, not only the first",
    user: party(1, {
      category: "RESIDENT",
      insuredCity: "成都",
      activeLinkage: { role: "USER", linkageId: 3 },
    }),
    provider: party(2, { benefitStatus: "SUSPENDED" }),
    rules: ["ONE_TO_ONE", "EMPLOYEE_INSURANCE", "CHONGQING_ONLY", "NORMAL_BENEFIT"],
  },
])("checkLinkage: $label", ({ user, provider, rules }) => {
  const result = checkLinkage(user, provider);
  if (rules.length === 0) {
    expect(result).toEqual({ ok: true });
    return;
  }
  expect(result.ok).toBe(false);
  const refusals = result.ok ? [] : result.refusals;
  expect(refusals.map((r) => r.rule)).toEqual(rules);
  for (const r of refusals) {
    // Every refusal names its rule in Chinese.
    expect(r.message).toContain(`【${LINKAGE_RULE_LABEL[r.rule as LinkageRuleCode]}】`);
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  }
});

test("the circular case says so", () => {
  const result = checkLinkage(linkedXiaohong, linkedXiaoming);
  expect(result.ok ? "" : result.refusals[0]!.message).toContain("循环关联");
});

const active = { status: "ACTIVE" as const, userPersonId: 1, providerPersonId: 2 };
test.each([
  {
    label: "seed: 小明 (user) spends 小红's (provider) money",
    spender: 1,
    owner: 2,
    linkage: active,
    want: true,
  },
  {
    label: "seed: 小红 (provider) cannot spend 小明's (user) money",
    spender: 2,
    owner: 1,
    linkage: active,
    want: false,
  },
  { label: "anyone spends their own money", spender: 2, owner: 2, linkage: null, want: true },
  {
    label: "a cancelled linkage pays nothing",
    spender: 1,
    owner: 2,
    linkage: { ...active, status: "CANCELLED" as const },
    want: false,
  },
  { label: "no linkage, no spending another's money", spender: 1, owner: 3, linkage: null, want: false },
  {
    label: "a linkage between others does not help a third person",
    spender: 3,
    owner: 2,
    linkage: active,
    want: false,
  },
])("canSpendFrom: $label", ({ spender, owner, linkage, want }) => {
  expect(canSpendFrom(spender, owner, linkage)).toBe(want);
});

test.each([
  { label: "nothing stored → all five missing", stored: {}, missing: 5 },
  { label: "junk is not a tick", stored: { providerIdCard: "yes", cardCopy: 1 }, missing: 5 },
  {
    label: "all ticked → none missing",
    stored: {
      providerIdCard: true,
      providerIdCopy: true,
      cardOriginal: true,
      cardCopy: true,
      applicationForm: true,
    },
    missing: 0,
  },
  {
    label: "application form missing",
    stored: { providerIdCard: true, providerIdCopy: true, cardOriginal: true, cardCopy: true },
    missing: 1,
  },
])("documents checklist: $label", ({ stored, missing }) => {
  expect(missingLinkageDocuments(readLinkageDocuments(stored))).toHaveLength(missing);
});
