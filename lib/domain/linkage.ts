/**
 * Account linkage 个人账户关联使用 (DOMAIN §7, seed 001). Pure predicates: services load both parties,
 * ask `checkLinkage` and turn the refusals into a DomainError (or show them as a pre-check).
 * Rule 1 (own balance first) lives in lib/domain/settlement.ts splitSelfPay.
 * The national 家庭共济 rules (2024 onward) will be another rule set: `checkLinkage` takes the set to apply.
 */

export type LinkageRole = "USER" | "PROVIDER";

export type LinkageParty = {
  personId: number;
  category: "EMPLOYEE_UNIT" | "EMPLOYEE_INDIVIDUAL" | "RESIDENT";
  /** "重庆" for everyone insured here; a walk-in provider insured elsewhere gives another city. */
  insuredCity: string;
  districtCode: string;
  benefitStatus: "NORMAL" | "SUSPENDED" | "WAITING" | "ENDED";
  activeLinkage: { role: LinkageRole; linkageId: number } | null;
};

export type LinkageRuleCode =
  | "NOT_SELF"
  | "ONE_TO_ONE"
  | "EMPLOYEE_INSURANCE"
  | "CHONGQING_ONLY"
  | "NORMAL_BENEFIT"
  | "ONE_WAY";

export type LinkageRefusal = { rule: LinkageRuleCode | (string & {}); message: string };

export type LinkageCheck = { ok: true } | { ok: false; refusals: LinkageRefusal[] };

/** Short Chinese names of the rules, for the pre-check list and the refusal messages. */
export const LINKAGE_RULE_LABEL: Record<LinkageRuleCode, string> = {
  NOT_SELF: "不能自我关联",
  ONE_TO_ONE: "一对一关联规则",
  EMPLOYEE_INSURANCE: "仅限职工医保规则",
  CHONGQING_ONLY: "仅限重庆参保规则",
  NORMAL_BENEFIT: "待遇正常规则",
  ONE_WAY: "单向使用规则",
};

const ROLE_LABEL: Record<LinkageRole, string> = { USER: "使用人", PROVIDER: "提供人" };

const BENEFIT_LABEL: Record<LinkageParty["benefitStatus"], string> = {
  NORMAL: "正常享受",
  SUSPENDED: "暂停享受(欠费)",
  WAITING: "等待期",
  ENDED: "终止享受",
};

const CATEGORY_LABEL: Record<LinkageParty["category"], string> = {
  EMPLOYEE_UNIT: "职工医保(随单位参保)",
  EMPLOYEE_INDIVIDUAL: "职工医保(以个人身份参保)",
  RESIDENT: "城乡居民医保",
};

export const HOME_CITY = "重庆";

function refuse(rule: LinkageRuleCode, detail: string): LinkageRefusal {
  return { rule, message: `【${LINKAGE_RULE_LABEL[rule]}】${detail}` };
}

type Side = { party: LinkageParty; role: LinkageRole };

/** One rule: the refusals it raises for this pair (empty when it is satisfied). */
export type LinkageRule = (user: LinkageParty, provider: LinkageParty) => LinkageRefusal[];

const notSelf: LinkageRule = (user, provider) =>
  user.personId === provider.personId ? [refuse("NOT_SELF", "使用人和提供人不能是同一人")] : [];

/** No one-to-many, no multi-node, no circular linkage: once linked, neither person links again in either role. */
const oneToOne: LinkageRule = (user, provider) => {
  if (user.personId === provider.personId) return [];
  const u = user.activeLinkage;
  const p = provider.activeLinkage;
  if (u !== null && p !== null && u.linkageId === p.linkageId) {
    return u.role === "PROVIDER"
      ? [
          refuse(
            "ONE_TO_ONE",
            "二人已关联,提供人是现有关联的使用人;不支持循环关联,如需调换角色请先到原经办机构取消关联",
          ),
        ]
      : [refuse("ONE_TO_ONE", "二人已有有效关联,不能重复申请")];
  }
  const sides: Side[] = [
    { party: user, role: "USER" },
    { party: provider, role: "PROVIDER" },
  ];
  return sides.flatMap(({ party, role }) => {
    const existing = party.activeLinkage;
    if (existing === null) return [];
    const kind =
      existing.role === role
        ? role === "USER"
          ? "不支持一对多关联"
          : "一个账户只能接受一个账户关联"
        : "不支持多节点关联";
    return [
      refuse(
        "ONE_TO_ONE",
        `${ROLE_LABEL[role]}已作为${ROLE_LABEL[existing.role]}在一项有效关联中,${kind};如需变更,请先到原经办机构取消关联`,
      ),
    ];
  });
};

const employeeInsurance: LinkageRule = (user, provider) =>
  [
    { party: user, role: "USER" as const },
    { party: provider, role: "PROVIDER" as const },
  ]
    .filter(({ party }) => party.category === "RESIDENT")
    .map(({ party, role }) =>
      refuse(
        "EMPLOYEE_INSURANCE",
        `${ROLE_LABEL[role]}参加的是${CATEGORY_LABEL[party.category]},只有重庆市职工医保参保人才能关联,职工医保与居民医保不能关联`,
      ),
    );

const chongqingOnly: LinkageRule = (user, provider) =>
  [
    { party: user, role: "USER" as const },
    { party: provider, role: "PROVIDER" as const },
  ]
    .filter(({ party }) => party.insuredCity.trim() !== HOME_CITY)
    .map(({ party, role }) =>
      refuse(
        "CHONGQING_ONLY",
        `${ROLE_LABEL[role]}的参保地是${party.insuredCity.trim() || "外地"},双方都须在重庆参保(重庆市内不同区县可以关联)`,
      ),
    );

const normalBenefit: LinkageRule = (user, provider) =>
  [
    { party: user, role: "USER" as const },
    { party: provider, role: "PROVIDER" as const },
  ]
    .filter(({ party }) => party.benefitStatus !== "NORMAL")
    .map(({ party, role }) =>
      refuse(
        "NORMAL_BENEFIT",
        `${ROLE_LABEL[role]}当前待遇状态为"${BENEFIT_LABEL[party.benefitStatus]}",双方都须正常享受医保待遇`,
      ),
    );

/** Seed 001 / DOMAIN §7 rule set (in force before 家庭共济). Districts within Chongqing never matter. */
export const SEED_001_RULES: readonly LinkageRule[] = [
  notSelf,
  oneToOne,
  employeeInsurance,
  chongqingOnly,
  normalBenefit,
];

/** Every failing rule, not only the first, so a refusal can list them all. */
export function checkLinkage(
  user: LinkageParty,
  provider: LinkageParty,
  rules: readonly LinkageRule[] = SEED_001_RULES,
): LinkageCheck {
  const refusals = rules.flatMap((rule) => rule(user, provider));
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}

export type LinkageForSpending = {
  status: "ACTIVE" | "CANCELLED";
  userPersonId: number;
  providerPersonId: number;
} | null;

/**
 * Whether `spenderPersonId` may spend `ownerPersonId`'s account through `linkage`: only the user spends the
 * provider's money, never the reverse (小红 cannot spend 小明's money), and only while the linkage is active.
 */
export function canSpendFrom(
  spenderPersonId: number,
  ownerPersonId: number,
  linkage: LinkageForSpending,
): boolean {
  if (spenderPersonId === ownerPersonId) return true;
  if (linkage === null || linkage.status !== "ACTIVE") return false;
  return linkage.userPersonId === spenderPersonId && linkage.providerPersonId === ownerPersonId;
}

/** The Chinese refusal for a spend `canSpendFrom` says no to. */
export const ONE_WAY_REFUSAL: LinkageRefusal = refuse(
  "ONE_WAY",
  "只有使用人可以使用提供人的个人账户资金,提供人不能使用使用人的资金(不支持循环关联)",
);

/** Papers the provider brings to the counter (seed 001); the request's `documents` JSON holds one flag per key. */
export const LINKAGE_DOCUMENTS = [
  { key: "providerIdCard", label: "提供人居民身份证原件" },
  { key: "providerIdCopy", label: "提供人居民身份证复印件" },
  { key: "cardOriginal", label: "提供人社会保障卡原件" },
  { key: "cardCopy", label: "提供人社会保障卡复印件" },
  { key: "applicationForm", label: "使用人填写的《个人账户资金关联使用申请表》" },
] as const;

export type LinkageDocumentKey = (typeof LINKAGE_DOCUMENTS)[number]["key"];
export type LinkageDocuments = Record<LinkageDocumentKey, boolean>;

/** Reads the stored JSON leniently: anything but `true` is "not checked". */
export function readLinkageDocuments(value: unknown): LinkageDocuments {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(
    LINKAGE_DOCUMENTS.map(({ key }) => [key, record[key] === true]),
  ) as LinkageDocuments;
}

/** Labels of the papers not yet checked; approval needs none missing. */
export function missingLinkageDocuments(documents: LinkageDocuments): string[] {
  return LINKAGE_DOCUMENTS.filter(({ key }) => !documents[key]).map(({ label }) => label);
}
