/**
 * Loads the generated demo data. Reference rows are inserted in bulk; the history is then played
 * month by month through the same services production uses — declarations, tax-collector payments
 * (FIFO), the monthly crediting batch, settlements — so the demo data obeys every rule and the
 * ledger's invariants. It includes a unit in arrears, a unit that paid late (补划), a person in a
 * waiting period, an active linkage whose user has spent the provider's money, and a pre-lost card.
 */
import type { Db } from "@/lib/db/client";
import { preLossExpiry } from "@/lib/domain/card";
import { cstNoon } from "@/lib/domain/dates";
import { addMonths, type Month, monthRange } from "@/lib/domain/month";
import { hashApiKey } from "@/lib/services/api-keys";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { hashPassword } from "@/lib/services/passwords";
import { type JournalInput, postJournals } from "@/lib/services/post-journals";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { runMonthlyCredit } from "@/lib/services/run-monthly-credit";
import { type SettlementRequest, settleBatch } from "@/lib/services/settle";
import { ensureFundAccounts } from "@/lib/services/system-accounts";
import { seedCatalogues } from "./catalogues";
import { DEMO_STAFF_TOTP } from "./demo-staff-totp";
import { type DemoPerson, generateDemo, settlementEvents } from "./generate";
import { INSTITUTIONS } from "./institutions";

export const HISTORY_FROM = "2024-11";
export const HISTORY_TO = "2026-10";
export const OPENING_DATE = "2024-10-31";

/** Demo API key of the first institution (README); others get none until an operator issues one. */
export const DEMO_INSTITUTION = {
  code: INSTITUTIONS[0]!.code,
  apiKey: "cqyb-demo-key-H50010300001-0123456789",
};

/** Unit index that stops paying from ARREARS_FROM (its employees are suspended from the month after). */
const ARREARS_UNIT = 1;
const ARREARS_FROM = "2026-08";
/** Unit index that skipped LATE_MONTHS and paid them all more than 3 months later (补划). */
const LATE_UNIT = 2;
const LATE_MONTHS = new Set(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]);
const LATE_PAID_ON = "2025-09";

const CHUNK = 5_000;
const SETTLEMENTS_PER_BATCH = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

export function hasPersonalAccount(p: Pick<DemoPerson, "category" | "tier">): boolean {
  return p.category === "EMPLOYEE_UNIT" || (p.category === "EMPLOYEE_INDIVIDUAL" && p.tier === "TIER2");
}

/** 1,000.00 to 19,999.99 yuan, fixed per person (from the personal number, so reruns agree). */
export function openingBalanceFen(person: DemoPerson): bigint {
  let h = 0;
  for (const ch of person.personalNumber) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 100_000n + BigInt(h % 1_900_000);
}

/** Statutory retirement month for the demo (60 for men, 55 for women): when retirement began. */
export function retirementMonth(p: DemoPerson): Month {
  const [y, m] = p.birthDate.split("-");
  return `${Number(y) + (p.gender === "M" ? 60 : 55)}-${m}`;
}

/**
 * Persons whose data the story needs, chosen deterministically from the generated set:
 * a newcomer in a waiting period, and a linked pair (the user is a new employee with little money,
 * the provider someone with a large balance).
 */
function pickStory(persons: DemoPerson[]) {
  const waiting = persons.find((p, i) => i >= 2 && p.category === "RESIDENT");
  if (waiting) waiting.enrolmentStart = "2026-09";
  const user = persons.find(
    (p, i) =>
      i >= 2 &&
      p.category === "EMPLOYEE_UNIT" &&
      p.employmentStatus === "IN_SERVICE" &&
      p.enrolmentStart >= HISTORY_FROM,
  );
  // The provider is a long-insured employee with the largest opening balance among the first 50.
  const provider = persons
    .slice(2, 50)
    .filter(
      (p) =>
        p !== user &&
        p.category === "EMPLOYEE_UNIT" &&
        p.employmentStatus === "IN_SERVICE" &&
        p.enrolmentStart < HISTORY_FROM,
    )
    .sort((a, b) => Number(openingBalanceFen(b) - openingBalanceFen(a)))[0];
  return { waiting, user, provider };
}

export async function seedDemo(
  database: Db,
  options: { persons: number; log?: (line: string) => void },
): Promise<{ persons: number; postings: number }> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} 秒`;
  const data = generateDemo({ persons: options.persons });
  const story = pickStory(data.persons);

  await database.district.createMany({ data: data.districts, skipDuplicates: true });
  await database.agency.createMany({ data: data.agencies, skipDuplicates: true });
  const agencies = new Map(
    (await database.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]),
  );
  const agencyId = (code: string) => agencies.get(code) ?? agencies.values().next().value!;

  await database.institution.createMany({
    data: INSTITUTIONS.map((i) => ({
      code: i.code,
      name: i.name,
      level: i.level,
      districtCode: i.districtCode,
      type: i.type,
      apiKeyHash: i.code === DEMO_INSTITUTION.code ? hashApiKey(DEMO_INSTITUTION.apiKey) : null,
    })),
    skipDuplicates: true,
  });
  const institutions = new Map(
    (await database.institution.findMany({ select: { id: true, code: true, name: true } })).map((i) => [
      i.code,
      i,
    ]),
  );
  await seedCatalogues(database);

  await database.unit.createMany({
    data: data.units.map((u) => ({
      unitNumber: u.unitNumber,
      name: u.name,
      creditCode: u.creditCode,
      districtCode: u.districtCode,
      agencyId: agencyId(u.agencyCode),
    })),
    skipDuplicates: true,
  });
  const units = new Map(
    (await database.unit.findMany({ select: { id: true, unitNumber: true } })).map((u) => [
      u.unitNumber,
      u.id,
    ]),
  );

  for (const s of data.staff) {
    const totpSecret = DEMO_STAFF_TOTP[s.staffNumber];
    await database.staff.create({
      data: {
        staffNumber: s.staffNumber,
        name: s.name,
        agencyId: agencyId(s.agencyCode),
        passwordHash: await hashPassword(s.password),
        ...(totpSecret ? { totpSecret, totpEnabledAt: cstNoon(OPENING_DATE) } : {}),
      },
    });
  }
  // argon2 runs on libuv's thread pool: hashing a few at a time uses both cores.
  for (const group of chunks(data.clerks, 8)) {
    const rows = await Promise.all(
      group
        .filter((c) => units.has(c.unitNumber))
        .map(async (c) => ({
          unitId: units.get(c.unitNumber)!,
          username: c.username,
          name: c.name,
          passwordHash: await hashPassword(c.password),
        })),
    );
    await database.unitClerk.createMany({ data: rows });
  }
  log(
    `参考数据:${data.agencies.length} 个经办机构,${INSTITUTIONS.length} 家定点医药机构,${data.units.length} 个单位,${data.staff.length} 名工作人员,${data.clerks.length} 名单位经办人`,
  );

  const funds = await ensureFundAccounts(database);
  const demoHashes = new Map<number, string>();
  for (const p of data.persons)
    if (p.initialPassword) demoHashes.set(p.index, await hashPassword(p.initialPassword));

  const personId = new Map<number, number>();
  const accountId = new Map<number, number>();
  for (const batch of chunks(data.persons, CHUNK)) {
    await database.person.createMany({
      data: batch.map((p) => ({
        idNumber: p.idNumber,
        personalNumber: p.personalNumber,
        name: p.name,
        gender: p.gender,
        birthDate: new Date(`${p.birthDate}T00:00:00Z`),
        phone: p.phone,
        districtCode: p.districtCode,
        category: p.category,
        tier: p.tier,
        employmentStatus: p.employmentStatus,
        retiredFrom: p.employmentStatus === "RETIRED" ? retirementMonth(p) : null,
        unitId: p.unitNumber ? (units.get(p.unitNumber) ?? null) : null,
        agencyId: agencyId(p.agencyCode),
        passwordHash: demoHashes.get(p.index) ?? null,
      })),
    });
    const rows = await database.person.findMany({
      where: { personalNumber: { in: batch.map((p) => p.personalNumber) } },
      select: { id: true, personalNumber: true },
    });
    const byNumber = new Map(rows.map((r) => [r.personalNumber, r.id]));
    for (const p of batch) personId.set(p.index, byNumber.get(p.personalNumber)!);
    const idOf = (p: DemoPerson) => personId.get(p.index)!;

    await database.enrolment.createMany({
      data: batch.map((p) => ({
        personId: idOf(p),
        category: p.category,
        tier: p.tier,
        unitId: p.unitNumber ? (units.get(p.unitNumber) ?? null) : null,
        startMonth: monthStart(p.enrolmentStart),
      })),
    });
    await database.card.createMany({
      data: batch.map((p) => ({
        cardNumber: p.cardNumber,
        personId: idOf(p),
        status: "ACTIVE" as const,
        issuedAt: monthStart(p.enrolmentStart),
      })),
    });
    const withAccount = batch.filter(hasPersonalAccount);
    await database.account.createMany({
      data: withAccount.map((p) => ({
        code: `P${p.personalNumber}`,
        kind: "PERSONAL" as const,
        name: `${p.name} 个人账户`,
        personId: idOf(p),
      })),
    });
    const accounts = await database.account.findMany({
      where: { personId: { in: withAccount.map(idOf) } },
      select: { id: true, personId: true },
    });
    const byPerson = new Map(accounts.map((a) => [a.personId!, a.id]));
    for (const p of withAccount) accountId.set(p.index, byPerson.get(idOf(p))!);
  }
  log(`已建立 ${data.persons.length} 名参保人及其账户(${elapsed()})`);

  // What each account held before the demo history starts arrives as one opening transfer.
  const openings: JournalInput[] = data.persons
    .filter((p) => accountId.has(p.index) && p.enrolmentStart < HISTORY_FROM)
    .map((p) => {
      const amountFen = openingBalanceFen(p);
      return {
        idempotencyKey: `opening:${p.personalNumber}`,
        description: "历史账户余额转入",
        occurredAt: cstNoon(OPENING_DATE),
        lines: [
          { accountId: accountId.get(p.index)!, amountFen, kind: "TRANSFER_IN" as const },
          { accountId: funds["FUND-POOLED"], amountFen: -amountFen, kind: "TRANSFER_IN" as const },
        ],
      };
    });
  for (const batch of chunks(openings, 2_000)) await postJournals(database, batch);

  if (story.user && story.provider) {
    const userId = personId.get(story.user.index)!;
    const providerId = personId.get(story.provider.index)!;
    const linkage = await database.linkage.create({
      data: { userPersonId: userId, providerPersonId: providerId, agencyId: agencyId(story.provider.agencyCode), approvedAt: cstNoon("2025-06-02") },
    });
    // The members rows are the database's own guard against a second linkage for either person.
    await database.linkageMember.createMany({
      data: [
        { personId: userId, linkageId: linkage.id, role: "USER" },
        { personId: providerId, linkageId: linkage.id, role: "PROVIDER" },
      ],
    });
  }

  const unitIndex = new Map(data.units.map((u, i) => [u.unitNumber, i]));
  const employeesOf = (unitNumber: string, month: Month) =>
    data.persons.filter(
      (p) => p.unitNumber === unitNumber && p.employmentStatus === "IN_SERVICE" && p.enrolmentStart <= month,
    );
  const paysOnTime = (unitNumber: string, month: Month) => {
    const i = unitIndex.get(unitNumber);
    if (i === ARREARS_UNIT && month >= ARREARS_FROM) return false;
    if (i === LATE_UNIT && LATE_MONTHS.has(month)) return false;
    return true;
  };

  let settled = 0;
  for (const month of monthRange(HISTORY_FROM, HISTORY_TO)) {
    for (const unit of data.units) {
      const unitId = units.get(unit.unitNumber)!;
      await declareUnitMonth(database, {
        unitId,
        month,
        declaredAt: cstNoon(`${month}-05`),
        employees: employeesOf(unit.unitNumber, month).map((p) => ({
          personId: personId.get(p.index)!,
          wageFen: BigInt(p.monthlyWageFen),
        })),
      });
    }
    if (month > HISTORY_FROM) await runMonthlyCredit(database, { month: addMonths(month, -1) });

    const requests: SettlementRequest[] = [];
    for (const p of data.persons) {
      for (const e of settlementEvents(p, month, month)) {
        const institution = institutions.get(e.institutionCode)!;
        const byVoucher = e.settlementNo.endsWith("7");
        requests.push({
          institutionId: institution.id,
          institutionCode: institution.code,
          institutionName: institution.name,
          settlementNo: e.settlementNo,
          personId: personId.get(p.index)!,
          cardNumber: byVoucher ? null : p.cardNumber,
          serviceDate: e.date,
          kind: e.kind,
          channel: byVoucher ? "VOUCHER" : "CARD",
          totalFen: BigInt(e.totalFen),
          fundPayableFen: BigInt(e.fundPayableFen),
          selfPayFen: BigInt(e.selfPayFen),
        });
      }
    }
    requests.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
    for (const batch of chunks(requests, SETTLEMENTS_PER_BATCH))
      settled += (await settleBatch(database, batch)).length;

    for (const unit of data.units) {
      const unitId = units.get(unit.unitNumber)!;
      const isLatePayday = unitIndex.get(unit.unitNumber) === LATE_UNIT && month === LATE_PAID_ON;
      if (!paysOnTime(unit.unitNumber, month) && !isLatePayday) continue;
      // On-time units pay the month's due; the late payer's catch-up pays everything owed (FIFO settles the oldest).
      const owed = await database.unitMonth.aggregate({
        where: isLatePayday ? { unitId } : { unitId, month },
        _sum: { dueFen: true, paidFen: true },
      });
      const amountFen = (owed._sum.dueFen ?? 0n) - (owed._sum.paidFen ?? 0n);
      if (amountFen <= 0n) continue;
      await receiveUnitPayment(database, {
        unitId,
        reference: `TAX-${unit.unitNumber}-${month}`,
        receivedAt: cstNoon(`${month}-25`),
        amountFen,
      });
    }
    log(`${month}:已申报、划账并结算 ${settled} 笔(${elapsed()})`);
  }
  await runMonthlyCredit(database, { month: HISTORY_TO });

  // A card reported lost online a few days ago: its 10-day pre-loss is still running.
  const preLost = data.persons.find(
    (p, i) => i >= 2 && p.category === "EMPLOYEE_UNIT" && p !== story.user && p !== story.provider,
  );
  if (preLost) {
    const reportedAt = new Date(Date.now() - 3 * 86_400_000);
    await database.card.update({
      where: { cardNumber: preLost.cardNumber },
      data: { status: "PRE_LOST", preLostAt: reportedAt, preLossExpiresAt: preLossExpiry(reportedAt) },
    });
  }

  const postings = await database.posting.count();
  log(`演示数据完成:${data.persons.length} 名参保人,${settled} 笔结算,${postings} 笔记账(${elapsed()})`);
  return { persons: data.persons.length, postings };
}
