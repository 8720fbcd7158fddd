/**
 * The insured person's own services against real Postgres: card pre-loss online (and its lapse after
 * 10 days, with an injected clock), the retirement-years check from the person's own record, and the
 * linkage page's application, pre-check, withdrawal and payments. A person acting on someone else's
 * card or request gets NOT_FOUND and leaves an audit row.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { roundHalfUp } from "@/lib/domain/money";
import { applyForLinkage, NO_MATCH_MESSAGE, preCheckLinkageApplication } from "@/lib/services/apply-for-linkage";
import { cancelPreLoss } from "@/lib/services/cancel-pre-loss";
import { checkOwnRetirement } from "@/lib/services/check-own-retirement";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { getOwnCard } from "@/lib/services/get-own-card";
import { getOwnLinkage } from "@/lib/services/get-own-linkage";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { reportCardLoss } from "@/lib/services/report-card-loss";
import { settle } from "@/lib/services/settle";
import { withdrawLinkageRequest } from "@/lib/services/withdraw-linkage-request";
import { createInstitution, createInsured, createLinkage, createReferenceData, type Funds, fund, truncateAll } from "@/tests/factories";
import { failureOf } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;

const NOW = new Date("2026-11-28T04:00:00Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const person = (id: number) => ({ type: "PERSON" as const, personId: id });

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId, unitId } = await createReferenceData(db));
});

async function denied(actorId: number) {
  return db.auditLog.findMany({ where: { action: "ACTION_DENIED", actorId: String(actorId) }, select: { details: true, subjectPersonId: true } });
}

describe("card pre-loss online", () => {
  it("runs 10 days, can be cancelled within them, and lapses by itself afterwards", async () => {
    const { person: a } = await createInsured(db, { agencyId, unitId });
    const card = (await getOwnCard(db, { personId: a.id, now: NOW }))!;
    expect(card).toMatchObject({ status: "ACTIVE", statusText: "正常", preLoss: null, lapsedPreLossAt: null });

    const { preLossExpiresAt } = await reportCardLoss(db, { actor: person(a.id), cardId: card.id, now: NOW });
    expect(preLossExpiresAt).toEqual(days(10));
    expect(await getOwnCard(db, { personId: a.id, now: days(3) })).toMatchObject({
      status: "PRE_LOST",
      statusText: "预挂失",
      preLoss: { reportedAt: NOW, expiresAt: days(10), msLeft: 7 * 86_400_000 },
    });
    expect(await failureOf(reportCardLoss(db, { actor: person(a.id), cardId: card.id, now: days(3) }))).toMatchObject({ code: "CARD_PRE_LOST" });

    // Ten days on, nobody has touched the row: it reads as active again and says the pre-loss lapsed.
    const lapsed = await getOwnCard(db, { personId: a.id, now: days(10) });
    expect(lapsed).toMatchObject({ status: "ACTIVE", preLoss: null, lapsedPreLossAt: days(10) });
    expect(await failureOf(cancelPreLoss(db, { actor: person(a.id), cardId: card.id, now: days(10) }))).toMatchObject({
      code: "PRE_LOSS_LAPSED",
    });
    // A lapsed pre-loss can be reported anew, and cancelled within its days.
    await reportCardLoss(db, { actor: person(a.id), cardId: card.id, now: days(12) });
    await cancelPreLoss(db, { actor: person(a.id), cardId: card.id, now: days(13) });
    expect(await getOwnCard(db, { personId: a.id, now: days(13) })).toMatchObject({ status: "ACTIVE", lapsedPreLossAt: null });
    const actions = await db.auditLog.findMany({ where: { subjectPersonId: a.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((r) => r.action)).toEqual(["CARD_PRE_LOSS", "CARD_PRE_LOSS", "CARD_PRE_LOSS_CANCEL"]);
  });

  it("another person's card id is NOT_FOUND, leaves the card alone and is audited", async () => {
    const { person: a, card: cardA } = await createInsured(db, { agencyId, unitId });
    const { person: b } = await createInsured(db, { agencyId, unitId });
    expect(await failureOf(reportCardLoss(db, { actor: person(b.id), cardId: cardA.id, now: NOW }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(cancelPreLoss(db, { actor: person(b.id), cardId: cardA.id, now: NOW }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await db.card.findUniqueOrThrow({ where: { id: cardA.id } })).status).toBe("ACTIVE");
    expect(await denied(b.id)).toHaveLength(2);
    expect(await getOwnCard(db, { personId: a.id, now: NOW })).toMatchObject({ status: "ACTIVE" });
  });
});

describe("retirement years from the person's own record", () => {
  it("counts a long-insured employee's months up to last month", async () => {
    const { person: a } = await createInsured(db, { agencyId, unitId, startMonth: "2012-07" });
    const r = await checkOwnRetirement(db, { personId: a.id, now: NOW });
    expect(r.count).toMatchObject({ months: 172, unpaidMonths: 0, firstMonth: "2012-07", lastMonth: "2026-10" });
    expect(r.check).toMatchObject({ requiredMonths: a.gender === "M" ? 360 : 300, localMonthsShort: 0 });
  });

  it("leaves out unpaid months and prices the shortfall with the unit's average base of last year", async () => {
    const { person: a } = await createInsured(db, { agencyId, unitId, startMonth: "2025-01" });
    const { person: colleague } = await createInsured(db, { agencyId, unitId, startMonth: "2025-01" });
    for (const month of ["2025-01", "2025-02", "2026-09", "2026-10"]) {
      await declareUnitMonth(db, {
        unitId,
        month,
        employees: [
          { personId: a.id, wageFen: 600_000n },
          { personId: colleague.id, wageFen: 900_000n },
        ],
      });
    }
    // Only 2025 is paid: the unit is in arrears for 2026-09 and 2026-10.
    const due = await db.unitMonth.aggregate({ where: { unitId, month: { startsWith: "2025" } }, _sum: { dueFen: true } });
    await receiveUnitPayment(db, { unitId, reference: "TAX-1", receivedAt: new Date("2025-03-01T04:00:00Z"), amountFen: due._sum.dueFen! });

    const r = await checkOwnRetirement(db, { personId: a.id, now: NOW });
    expect(r.count).toMatchObject({ months: 20, unpaidMonths: 2 });
    const lines = await db.contributionLine.findMany({ where: { month: { startsWith: "2025" } }, select: { baseFen: true } });
    const average = roundHalfUp(lines.reduce((s, l) => s + l.baseFen, 0n), BigInt(lines.length));
    expect(r.unitAverageBase).toEqual({ year: 2025, fen: average });
    expect(r.check.monthsShort).toBe(r.check.requiredMonths - 20);
    expect(r.check.localMonthsShort).toBe(100);
    expect(r.lumpSumFen).toBe(roundHalfUp(average * BigInt(r.check.monthsShort) * 8n, 100n));
    expect(r.check.lumpSumSuffices).toBe(false);
  });

  it("stops a retiree's months the month before retirement", async () => {
    const { person: r0 } = await createInsured(db, { agencyId, unitId, startMonth: "2001-01", birthDate: "1957-03-08", retiredFrom: "2012-03" });
    const r = await checkOwnRetirement(db, { personId: r0.id, now: NOW });
    expect(r).toMatchObject({ employmentStatus: "RETIRED", retiredFrom: "2012-03" });
    expect(r.count).toMatchObject({ months: 134, lastMonth: "2012-02" });
    expect(r.lumpSumFen).toBeNull();
  });
});

describe("linkage application online", () => {
  async function pair() {
    const user = await createInsured(db, { agencyId, unitId, name: "张小红" });
    const provider = await createInsured(db, { agencyId, unitId, name: "欧阳明华" });
    return { user, provider };
  }

  it("refuses a name that does not match the card or ID number with the same message as an unknown number", async () => {
    const { user, provider } = await pair();
    const wrongName = await failureOf(
      preCheckLinkageApplication(db, { userPersonId: user.person.id, provider: provider.card.cardNumber, providerName: "欧阳明", now: NOW }),
    );
    const unknown = await failureOf(
      preCheckLinkageApplication(db, { userPersonId: user.person.id, provider: "Z99999999", providerName: "欧阳明华", now: NOW }),
    );
    expect(wrongName).toMatchObject({ code: "NO_MATCH", message: NO_MATCH_MESSAGE });
    expect(unknown).toMatchObject({ code: "NO_MATCH", message: NO_MATCH_MESSAGE });
    expect(await failureOf(preCheckLinkageApplication(db, { userPersonId: user.person.id, provider: "A123", providerName: "x", now: NOW }))).toMatchObject({
      field: "provider",
    });
    expect(await db.auditLog.count({ where: { action: "LINKAGE_PROVIDER_NO_MATCH" } })).toBe(2);
    expect(await db.linkageRequest.count()).toBe(0);
  });

  it("pre-checks without creating, names each failing rule, and submits a pending request for the provider's agency", async () => {
    const { user, provider } = await pair();
    const resident = await createInsured(db, { agencyId, unitId, name: "李四" });
    await db.person.update({ where: { id: resident.person.id }, data: { category: "RESIDENT" } });
    await db.enrolment.updateMany({ where: { personId: resident.person.id }, data: { category: "RESIDENT" } });

    const refused = await preCheckLinkageApplication(db, {
      userPersonId: user.person.id,
      provider: resident.person.idNumber,
      providerName: "李四",
      now: NOW,
    });
    expect(refused.ok).toBe(false);
    expect(refused.refusals.map((r) => r.rule)).toEqual(["EMPLOYEE_INSURANCE"]);
    expect(refused.refusals[0]!.message).toMatch(/^【仅限职工医保规则】提供人参加的是城乡居民医保/);

    const self = await preCheckLinkageApplication(db, { userPersonId: user.person.id, provider: user.card.cardNumber, providerName: "张小红", now: NOW });
    expect(self.refusals.map((r) => r.rule)).toContain("NOT_SELF");

    const passed = await preCheckLinkageApplication(db, {
      userPersonId: user.person.id,
      provider: provider.card.cardNumber.toLowerCase(),
      providerName: " 欧阳明华 ",
      now: NOW,
    });
    expect(passed).toEqual({ ok: true, refusals: [], providerMaskedName: "欧阳**", agencyName: "重庆市医疗保险管理中心" });
    expect(await db.linkageRequest.count()).toBe(0);

    const created = await applyForLinkage(db, { userPersonId: user.person.id, provider: provider.person.idNumber, providerName: "欧阳明华", now: NOW });
    const row = await db.linkageRequest.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(row).toMatchObject({
      userPersonId: user.person.id,
      providerPersonId: provider.person.id,
      agencyId,
      status: "PENDING",
      source: "ONLINE",
      createdByPersonId: user.person.id,
    });

    const again = await failureOf(applyForLinkage(db, { userPersonId: user.person.id, provider: provider.card.cardNumber, providerName: "欧阳明华", now: NOW }));
    expect(again).toMatchObject({ code: "LINKAGE_REFUSED", message: expect.stringContaining("【申请处理中】") });
    expect(await db.linkageRequest.count()).toBe(1);

    const view = await getOwnLinkage(db, { personId: user.person.id });
    expect(view.active).toBeNull();
    expect(view.requests).toMatchObject([{ role: "USER", status: "PENDING", statusText: "待审核", other: { maskedName: "欧阳**" }, canWithdraw: true }]);
    const providerView = await getOwnLinkage(db, { personId: provider.person.id });
    expect(providerView.requests).toMatchObject([{ role: "PROVIDER", other: { maskedName: "张**" }, canWithdraw: false }]);
  });

  it("lets only the applicant withdraw a pending request; anyone else gets NOT_FOUND and an audit row", async () => {
    const { user, provider } = await pair();
    const { requestId } = await applyForLinkage(db, { userPersonId: user.person.id, provider: provider.card.cardNumber, providerName: "欧阳明华", now: NOW });

    expect(await failureOf(withdrawLinkageRequest(db, { personId: provider.person.id, requestId, now: NOW }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(withdrawLinkageRequest(db, { personId: user.person.id, requestId: requestId + 50, now: NOW }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await denied(provider.person.id)).toMatchObject([{ subjectPersonId: user.person.id, details: { attempted: "LINKAGE_REQUEST_WITHDRAW" } }]);
    expect(await denied(user.person.id)).toHaveLength(1);
    expect((await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");

    await withdrawLinkageRequest(db, { personId: user.person.id, requestId, now: NOW });
    expect(await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "CANCELLED", decisionReason: "申请人撤回" });
    expect(await failureOf(withdrawLinkageRequest(db, { personId: user.person.id, requestId, now: NOW }))).toMatchObject({ code: "NOT_PENDING" });
  });

  it("shows both parties the active linkage, masked, and the payments made from the provider's account", async () => {
    const { user, provider } = await pair();
    await fund(db, funds, provider.account!.id, 100_000n);
    const linkage = await createLinkage(db, { userPersonId: user.person.id, providerPersonId: provider.person.id, agencyId });
    const { institution } = await createInstitution(db, { name: "重庆医科大学附属第一医院" });
    for (const [no, total] of [
      ["L-1", 12_000n],
      ["L-2", 3_456n],
    ] as const) {
      await settle(
        db,
        {
          institutionId: institution.id,
          institutionCode: institution.code,
          institutionName: institution.name,
          settlementNo: no,
          personId: user.person.id,
          cardNumber: null,
          serviceDate: no === "L-1" ? "2026-03-09" : "2026-04-01",
          kind: "OUTPATIENT",
          channel: "VOUCHER",
          totalFen: total,
          fundPayableFen: 0n,
          selfPayFen: total,
        },
        NOW,
      );
    }
    const asProvider = await getOwnLinkage(db, { personId: provider.person.id });
    expect(asProvider.active).toMatchObject({ id: linkage.id, role: "PROVIDER", other: { maskedName: "张**" } });
    expect(asProvider.active!.other.maskedIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(asProvider.payments).toEqual([
      expect.objectContaining({ serviceDate: "2026-04-01", institutionName: "重庆医科大学附属第一医院", amountFen: 3_456n }),
      expect.objectContaining({ serviceDate: "2026-03-09", amountFen: 12_000n }),
    ]);
    expect(asProvider.paymentsTotal).toEqual({ count: 2, amountFen: 15_456n });
    const entries = await db.entry.aggregate({
      where: { accountId: provider.account!.id, kind: "LINKED_PAYMENT", counterpartyPersonId: user.person.id },
      _sum: { amountFen: true },
    });
    expect(-entries._sum.amountFen!).toBe(15_456n);

    const asUser = await getOwnLinkage(db, { personId: user.person.id });
    expect(asUser.active).toMatchObject({ role: "USER", other: { maskedName: "欧阳**" } });
    expect(asUser.paymentsTotal).toEqual({ count: 2, amountFen: 15_456n });

    const pre = await preCheckLinkageApplication(db, { userPersonId: user.person.id, provider: provider.card.cardNumber, providerName: "欧阳明华", now: NOW });
    expect(pre.refusals.map((r) => r.rule)).toEqual(["ONE_TO_ONE"]);
  });
});
