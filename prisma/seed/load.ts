/**
 * Loads the generated demo data into the database. Reference rows are inserted in bulk; every
 * movement of money goes through the posting service (postJournals), so the demo ledger obeys the
 * same invariants as production: balanced journals, no overdraft, idempotency keys.
 */
import type { Db } from "@/lib/db/client";
import { inServiceMonthlyMovement, retireeMonthlyMovement } from "@/lib/domain/credits";
import { cstNoon } from "@/lib/domain/dates";
import { monthRange } from "@/lib/domain/month";
import { splitSelfPay } from "@/lib/domain/settlement";
import type { EntryKind } from "@/lib/generated/prisma/enums";
import { type JournalInput, type JournalLine, postJournals } from "@/lib/services/post-journals";
import { hashPassword } from "@/lib/services/passwords";
import { ensureFundAccounts, type FundCode } from "@/lib/services/system-accounts";
import { type DemoPerson, generateDemo, type SettlementEvent, settlementEvents } from "./generate";

export const HISTORY_FROM = "2024-11";
export const HISTORY_TO = "2026-10";


const CHUNK = 5_000;
const JOURNALS_PER_BATCH = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

export function hasPersonalAccount(p: Pick<DemoPerson, "category" | "tier">): boolean {
  return p.category === "EMPLOYEE_UNIT" || (p.category === "EMPLOYEE_INDIVIDUAL" && p.tier === "TIER2");
}

const OPENING_DATE = "2024-10-31";

/** 1,000.00 to 19,999.99 yuan, fixed per person (from the personal number, so reruns agree). */
function openingBalanceFen(person: DemoPerson): bigint {
  let h = 0;
  for (const ch of person.personalNumber) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 100_000n + BigInt(h % 1_900_000);
}

const SETTLEMENT_ENTRY_KIND: Record<SettlementEvent["kind"], EntryKind> = {
  PHARMACY: "PHARMACY",
  OUTPATIENT: "OUTPATIENT",
  INPATIENT: "INPATIENT_SELF_PAY",
};
const SETTLEMENT_TEXT: Record<SettlementEvent["kind"], string> = { PHARMACY: "购药", OUTPATIENT: "门诊", INPATIENT: "住院" };

/** One person's history as journals, oldest first, with the self-pay split decided on the running balance. */
export function personJournals(
  person: DemoPerson,
  ids: { personId: number; accountId: number | null },
  funds: Record<FundCode, number>,
): JournalInput[] {
  const timeline: { at: Date; order: number; build: () => JournalInput | null }[] = [];
  let balance = 0n;
  const accountId = ids.accountId;

  if (accountId !== null && person.enrolmentStart < HISTORY_FROM) {
    // The demo history starts in HISTORY_FROM; what the account held before arrives as one opening transfer.
    const openingFen = openingBalanceFen(person);
    timeline.push({
      at: cstNoon(OPENING_DATE),
      order: -1,
      build: () => {
        balance += openingFen;
        return {
          idempotencyKey: `opening:${person.personalNumber}`,
          description: "历史账户余额转入",
          occurredAt: cstNoon(OPENING_DATE),
          lines: [
            { accountId, amountFen: openingFen, kind: "TRANSFER_IN" },
            { accountId: funds["FUND-POOLED"], amountFen: -openingFen, kind: "TRANSFER_IN" },
          ],
        };
      },
    });
  }

  if (accountId !== null && person.category === "EMPLOYEE_UNIT") {
    for (const month of monthRange(HISTORY_FROM, HISTORY_TO)) {
      if (month < person.enrolmentStart) continue;
      timeline.push({
        at: cstNoon(`${month}-10`),
        order: 0,
        build: () => {
          const m =
            person.employmentStatus === "RETIRED"
              ? retireeMonthlyMovement(person.birthDate, month)
              : inServiceMonthlyMovement(BigInt(person.monthlyWageFen), month);
          const lines: JournalLine[] = [
            { accountId, amountFen: m.creditFen, kind: "MONTHLY_CREDIT" },
            { accountId: funds["FUND-POOLED"], amountFen: -m.creditFen, kind: "MONTHLY_CREDIT" },
          ];
          if (m.mutualAidDeductionFen > 0n) {
            lines.push(
              { accountId, amountFen: -m.mutualAidDeductionFen, kind: "MUTUAL_AID_DEDUCTION", memo: "大额医疗互助个人缴费" },
              { accountId: funds["FUND-MUTUAL-AID"], amountFen: m.mutualAidDeductionFen, kind: "MUTUAL_AID_DEDUCTION" },
            );
          }
          if (m.ltcDeductionFen > 0n) {
            lines.push(
              { accountId, amountFen: -m.ltcDeductionFen, kind: "LTC_DEDUCTION", memo: "长期护理保险个人缴费" },
              { accountId: funds["FUND-LTC"], amountFen: m.ltcDeductionFen, kind: "LTC_DEDUCTION" },
            );
          }
          balance += m.creditFen - m.mutualAidDeductionFen - m.ltcDeductionFen;
          const [y, mm] = month.split("-");
          return {
            idempotencyKey: `credit:${person.personalNumber}:${month}`,
            description: `${y}年${Number(mm)}月 月度划入`,
            occurredAt: cstNoon(`${month}-10`),
            lines,
            meta: { month, explanation: m.explanation, baseFen: m.baseFen === null ? null : Number(m.baseFen) },
          };
        },
      });
    }
  }

  for (const event of settlementEvents(person, HISTORY_FROM, HISTORY_TO)) {
    timeline.push({
      at: cstNoon(event.date),
      order: 1,
      build: () => {
        const total = BigInt(event.totalFen);
        const fund = BigInt(event.fundPayableFen);
        const split = splitSelfPay({ selfPayFen: BigInt(event.selfPayFen), ownBalanceFen: accountId === null ? 0n : balance });
        balance -= split.ownAccountFen;
        const lines: JournalLine[] = [
          { accountId: funds["CLEARING-INSTITUTION"], amountFen: total, kind: SETTLEMENT_ENTRY_KIND[event.kind] },
        ];
        if (split.ownAccountFen > 0n && accountId !== null) {
          lines.push({ accountId, amountFen: -split.ownAccountFen, kind: SETTLEMENT_ENTRY_KIND[event.kind] });
        }
        if (fund > 0n) lines.push({ accountId: funds["FUND-POOLED"], amountFen: -fund, kind: "FUND_PAYMENT" });
        if (split.cashFen > 0n) lines.push({ accountId: funds.CASH, amountFen: -split.cashFen, kind: "CASH_PAYMENT" });
        if (lines.length < 2) return null;
        return {
          idempotencyKey: `settle:${event.settlementNo}`,
          description: `${event.institutionName} ${SETTLEMENT_TEXT[event.kind]}`,
          occurredAt: cstNoon(event.date),
          lines,
          meta: { institutionCode: event.institutionCode, settlementNo: event.settlementNo, personId: ids.personId },
        };
      },
    });
  }

  timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  return timeline.map((t) => t.build()).filter((j): j is JournalInput => j !== null);
}

export async function seedDemo(
  database: Db,
  options: { persons: number; log?: (line: string) => void },
): Promise<{ persons: number; postings: number }> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const data = generateDemo({ persons: options.persons });

  await database.district.createMany({ data: data.districts, skipDuplicates: true });
  await database.agency.createMany({ data: data.agencies, skipDuplicates: true });
  const agencies = new Map((await database.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
  const agencyId = (code: string) => agencies.get(code) ?? agencies.values().next().value!;

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
  const units = new Map((await database.unit.findMany({ select: { id: true, unitNumber: true } })).map((u) => [u.unitNumber, u.id]));

  for (const s of data.staff) {
    await database.staff.create({
      data: { staffNumber: s.staffNumber, name: s.name, agencyId: agencyId(s.agencyCode), passwordHash: await hashPassword(s.password) },
    });
  }
  // argon2 runs on libuv's thread pool: hashing a few at a time uses both cores.
  for (const group of chunks(data.clerks, 8)) {
    const rows = await Promise.all(
      group
        .filter((c) => units.has(c.unitNumber))
        .map(async (c) => ({ unitId: units.get(c.unitNumber)!, username: c.username, name: c.name, passwordHash: await hashPassword(c.password) })),
    );
    await database.unitClerk.createMany({ data: rows });
  }
  log(`参考数据:${data.agencies.length} 个经办机构,${data.units.length} 个单位,${data.staff.length} 名工作人员,${data.clerks.length} 名单位经办人`);

  const funds = await ensureFundAccounts(database);

  const demoHashes = new Map<number, string>();
  for (const p of data.persons) {
    if (p.initialPassword) demoHashes.set(p.index, await hashPassword(p.initialPassword));
  }

  let postings = 0;
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
        unitId: p.unitNumber ? (units.get(p.unitNumber) ?? null) : null,
        agencyId: agencyId(p.agencyCode),
        passwordHash: demoHashes.get(p.index) ?? null,
      })),
    });
    const personIds = new Map(
      (
        await database.person.findMany({
          where: { personalNumber: { in: batch.map((p) => p.personalNumber) } },
          select: { id: true, personalNumber: true },
        })
      ).map((r) => [r.personalNumber, r.id]),
    );
    const idOf = (p: DemoPerson) => personIds.get(p.personalNumber)!;

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
      data: batch.map((p) => ({ cardNumber: p.cardNumber, personId: idOf(p), status: "ACTIVE" as const, issuedAt: monthStart(p.enrolmentStart) })),
    });
    const withAccount = batch.filter(hasPersonalAccount);
    await database.account.createMany({
      data: withAccount.map((p) => ({ code: `P${p.personalNumber}`, kind: "PERSONAL" as const, name: `${p.name} 个人账户`, personId: idOf(p) })),
    });
    const accountIds = new Map(
      (
        await database.account.findMany({
          where: { personId: { in: withAccount.map(idOf) } },
          select: { id: true, personId: true },
        })
      ).map((a) => [a.personId!, a.id]),
    );

    let pending: JournalInput[] = [];
    for (const p of batch) {
      const personId = idOf(p);
      pending.push(...personJournals(p, { personId, accountId: accountIds.get(personId) ?? null }, funds));
      if (pending.length >= JOURNALS_PER_BATCH) {
        postings += (await postJournals(database, pending)).length;
        pending = [];
      }
    }
    if (pending.length > 0) postings += (await postJournals(database, pending)).length;
    log(`已导入 ${Math.min(batch[batch.length - 1]!.index + 1, data.persons.length)} / ${data.persons.length} 名参保人,记账 ${postings} 笔(${((Date.now() - started) / 1000).toFixed(1)} 秒)`);
  }
  return { persons: data.persons.length, postings };
}
