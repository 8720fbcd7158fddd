/**
 * Builders for integration tests: a clean ledger with the fund accounts and persons with personal
 * accounts, created through Prisma (reference rows) and the posting service (money).
 */
import type { Db } from "@/lib/db/client";
import { makeIdNumber } from "@/lib/domain/id-number";
import { hashApiKey } from "@/lib/services/api-keys";
import { postJournal } from "@/lib/services/post-journals";
import { ensureFundAccounts, type FundAccountIds } from "@/lib/services/system-accounts";

export async function truncateAll(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

export type Funds = FundAccountIds;

export async function createReferenceData(db: Db): Promise<{ funds: Funds; agencyId: number; unitId: number }> {
  await db.district.create({ data: { code: "500103", name: "渝中区", kind: "district" } });
  const agency = await db.agency.create({
    data: { code: "YB500000", name: "重庆市医疗保险管理中心", address: "重庆市渝中区人民路13号", phones: "023-63892206", districtCode: "500103" },
  });
  const unit = await db.unit.create({
    data: { unitNumber: "5001000001", name: "测试单位", creditCode: "91500103MA5U000000", districtCode: "500103", agencyId: agency.id },
  });
  return { funds: await ensureFundAccounts(db), agencyId: agency.id, unitId: unit.id };
}

let sequence = 0;

export async function createPerson(
  db: Db,
  options: { agencyId: number; unitId?: number | null; name?: string; passwordHash?: string | null; withAccount?: boolean },
) {
  sequence += 1;
  const n = sequence;
  const person = await db.person.create({
    data: {
      idNumber: makeIdNumber("500103", "1988-05-20", 100 + n),
      personalNumber: String(5000000000 + n),
      name: options.name ?? `测试${n}`,
      gender: n % 2 === 0 ? "F" : "M",
      birthDate: new Date("1988-05-20T00:00:00Z"),
      districtCode: "500103",
      category: "EMPLOYEE_UNIT",
      employmentStatus: "IN_SERVICE",
      unitId: options.unitId ?? null,
      agencyId: options.agencyId,
      passwordHash: options.passwordHash ?? null,
    },
  });
  await db.card.create({
    data: { cardNumber: `T${String(10000000 + n)}`, personId: person.id, issuedAt: new Date("2024-01-01T00:00:00Z") },
  });
  const account =
    options.withAccount === false
      ? null
      : await db.account.create({ data: { code: `P${person.personalNumber}`, kind: "PERSONAL", name: "个人账户", personId: person.id } });
  return { person, account };
}

/** Puts money on a personal account the way production does: a balanced posting from the pooled fund. */
export async function fund(db: Db, funds: Funds, accountId: number, amountFen: bigint, key = `fund:${accountId}:${amountFen}:${Math.random()}`) {
  return postJournal(db, {
    idempotencyKey: key,
    description: "测试划入",
    occurredAt: new Date("2026-01-10T04:00:00Z"),
    lines: [
      { accountId, amountFen, kind: "MONTHLY_CREDIT" },
      { accountId: funds["FUND-POOLED"], amountFen: -amountFen, kind: "MONTHLY_CREDIT" },
    ],
  });
}

/** First day of a "YYYY-MM" month, as the Date columns of enrolments hold it. */
const monthStartDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * An enrolment row (DOMAIN §3): the crediting batch and the benefit status read enrolments, not the
 * person's category, so a person without one is not insured at all.
 */
export async function createEnrolment(
  db: Db,
  options: {
    personId: number;
    unitId?: number | null;
    startMonth?: string;
    endMonth?: string | null;
    category?: "EMPLOYEE_UNIT" | "EMPLOYEE_INDIVIDUAL" | "RESIDENT";
  },
) {
  return db.enrolment.create({
    data: {
      personId: options.personId,
      category: options.category ?? "EMPLOYEE_UNIT",
      unitId: options.unitId ?? null,
      startMonth: monthStartDate(options.startMonth ?? "2024-01"),
      endMonth: options.endMonth ? monthStartDate(options.endMonth) : null,
    },
  });
}

/**
 * A unit-insured employee with a personal account, a card and an EMPLOYEE_UNIT enrolment; a retiree
 * when `retiredFrom` is given (employment status RETIRED). `birthDate` also rewrites the ID number so
 * the two agree.
 */
export async function createInsured(
  db: Db,
  options: {
    agencyId: number;
    unitId?: number | null;
    name?: string;
    startMonth?: string;
    birthDate?: string;
    retiredFrom?: string | null;
    withAccount?: boolean;
  },
) {
  const created = await createPerson(db, {
    agencyId: options.agencyId,
    unitId: options.unitId ?? null,
    name: options.name,
    withAccount: options.withAccount,
  });
  let person = created.person;
  if (options.birthDate || options.retiredFrom) {
    const n = Number(person.personalNumber) - 5000000000;
    person = await db.person.update({
      where: { id: person.id },
      data: {
        ...(options.birthDate
          ? {
              birthDate: new Date(`${options.birthDate}T00:00:00Z`),
              idNumber: makeIdNumber("500103", options.birthDate, 100 + n),
            }
          : {}),
        ...(options.retiredFrom ? { employmentStatus: "RETIRED" as const, retiredFrom: options.retiredFrom } : {}),
      },
    });
  }
  await createEnrolment(db, { personId: person.id, unitId: options.unitId ?? null, startMonth: options.startMonth });
  const card = await db.card.findFirstOrThrow({ where: { personId: person.id } });
  return { person, account: created.account, card };
}

let institutionSequence = 0;

/** A designated institution with an API key (returned in clear once; only its SHA-256 is stored). */
export async function createInstitution(
  db: Db,
  options: { code?: string; name?: string; apiKey?: string | null } = {},
) {
  institutionSequence += 1;
  const code = options.code ?? `H${String(50000 + institutionSequence)}`;
  const apiKey = options.apiKey === undefined ? `cqyb-${code}-test-key-${institutionSequence}-abcdefgh` : options.apiKey;
  const institution = await db.institution.create({
    data: {
      code,
      name: options.name ?? `测试医院${institutionSequence}`,
      districtCode: "500103",
      type: "HOSPITAL",
      apiKeyHash: apiKey === null ? null : hashApiKey(apiKey),
    },
  });
  return { institution, apiKey };
}

/** An approved (ACTIVE) account linkage: the user spends from the provider's account (DOMAIN §7). */
export async function createLinkage(
  db: Db,
  options: { userPersonId: number; providerPersonId: number; agencyId: number; approvedAt?: Date },
) {
  return db.linkage.create({
    data: {
      userPersonId: options.userPersonId,
      providerPersonId: options.providerPersonId,
      agencyId: options.agencyId,
      approvedAt: options.approvedAt ?? new Date("2025-01-02T04:00:00Z"),
    },
  });
}
