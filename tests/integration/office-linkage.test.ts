/**
 * Office handling of account linkage (DOMAIN §7, §9) on real Postgres: counter requests, approval under
 * lock with every rule re-checked, the linkage_members constraint, separation of duties, cancelling only
 * at the handling agency, and the own → provider → cash order once linked. The race test is why this
 * cannot be a mock: only Postgres row locks and the members' primary key decide it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { approveLinkageRequest } from "@/lib/services/approve-linkage-request";
import { cancelLinkage } from "@/lib/services/cancel-linkage";
import {
  createCounterLinkageRequest,
  createOnlineLinkageRequest,
} from "@/lib/services/create-linkage-request";
import type { PersonIdentifier } from "@/lib/services/find-person";
import { getLinkageRequest } from "@/lib/services/get-linkage-request";
import { listLinkageRequests } from "@/lib/services/list-linkage-requests";
import { refuseLinkageRequest } from "@/lib/services/refuse-linkage-request";
import { settle } from "@/lib/services/settle";
import {
  createEnrolment,
  createInstitution,
  createInsured,
  createReferenceData,
  type Funds,
  fund,
  truncateAll,
} from "@/tests/factories";
import { ALL_DOCUMENTS, createAgency, createStaff } from "@/tests/factories/office";
import { failureOf } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;
let staffA: { id: number };
let staffB: { id: number };
let staffC: { id: number };
let otherAgencyStaff: { id: number; agencyId: number };

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId, unitId } = await createReferenceData(db));
  staffA = await createStaff(db, { agencyId, name: "刘芳" });
  staffB = await createStaff(db, { agencyId, name: "陈建华" });
  staffC = await createStaff(db, { agencyId, name: "王强" });
  const other = await createAgency(db, { name: "渝中区医保分中心" });
  otherAgencyStaff = await createStaff(db, { agencyId: other.id, name: "赵敏" });
});

const NOW = new Date("2026-11-28T04:00:00Z");

async function insured(name: string, balanceFen = 0n) {
  const { person, account, card } = await createInsured(db, { agencyId, unitId, name });
  if (balanceFen > 0n) await fund(db, funds, account!.id, balanceFen);
  return { id: person.id, idNumber: person.idNumber, cardNumber: card.cardNumber, accountId: account!.id };
}

const byId = (p: { idNumber: string }): PersonIdentifier => ({ kind: "idNumber", value: p.idNumber });
const byCard = (p: { cardNumber: string }): PersonIdentifier => ({ kind: "cardNumber", value: p.cardNumber });

async function counterRequest(
  user: { idNumber: string },
  provider: { cardNumber: string },
  staffId = staffA.id,
) {
  const { requestId } = await createCounterLinkageRequest(db, {
    staffId,
    user: byId(user),
    provider: byCard(provider),
    documents: ALL_DOCUMENTS,
    now: NOW,
  });
  return requestId;
}

async function activeLinkages() {
  return db.linkage.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, userPersonId: true, providerPersonId: true },
  });
}

describe("a request taken at the counter and approved by another staff member", () => {
  it("creates one active linkage, both members' rows, and audit rows for each step", async () => {
    const xiaoming = await insured("小明");
    const xiaohong = await insured("小红");
    const requestId = await counterRequest(xiaoming, xiaohong);
    expect(await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "PENDING",
      source: "COUNTER",
      createdByStaffId: staffA.id,
      agencyId,
    });

    const { linkageId } = await approveLinkageRequest(db, { staffId: staffB.id, requestId, now: NOW });

    expect(await activeLinkages()).toEqual([
      { id: linkageId, userPersonId: xiaoming.id, providerPersonId: xiaohong.id },
    ]);
    expect(
      await db.linkageMember.findMany({
        orderBy: { personId: "asc" },
        select: { personId: true, linkageId: true, role: true },
      }),
    ).toEqual([
      { personId: xiaoming.id, linkageId, role: "USER" },
      { personId: xiaohong.id, linkageId, role: "PROVIDER" },
    ]);
    expect(await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "APPROVED",
      decidedByStaffId: staffB.id,
      linkageId,
    });
    const linkage = await db.linkage.findUniqueOrThrow({ where: { id: linkageId } });
    expect(linkage.approvedByStaffId).toBe(staffB.id);
    const audits = await db.auditLog.findMany({ where: { actorType: "STAFF" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorId, a.action, a.subjectPersonId])).toEqual([
      [String(staffA.id), "LINKAGE_REQUEST_CREATE", xiaoming.id],
      [String(staffB.id), "LINKAGE_REQUEST_APPROVE", xiaoming.id],
    ]);
    expect(audits[1]!.details).toMatchObject({ requestId, linkageId, otherPersonId: xiaohong.id });
  });

  it("separation of duties: the staff member who took the request cannot approve it", async () => {
    const user = await insured("小明");
    const provider = await insured("小红");
    const requestId = await counterRequest(user, provider, staffA.id);

    const refused = await failureOf(approveLinkageRequest(db, { staffId: staffA.id, requestId, now: NOW }));
    expect(refused.code).toBe("SEPARATION_OF_DUTIES");
    expect(refused.message).toContain("岗位分离");
    expect(await activeLinkages()).toEqual([]);
    expect((await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");
    const denied = await db.auditLog.findFirstOrThrow({ where: { action: "ACTION_DENIED" } });
    expect(denied).toMatchObject({ actorId: String(staffA.id), subjectPersonId: user.id });
    expect(denied.details).toMatchObject({ requestId, attempted: "APPROVE", code: "SEPARATION_OF_DUTIES" });

    // The detail page says so before the click.
    const detail = await getLinkageRequest(db, { staffId: staffA.id, requestId, now: NOW });
    expect(detail.can).toMatchObject({ decide: true, approve: false });
    expect(detail.why.createdByMe).toContain("岗位分离");
    expect((await getLinkageRequest(db, { staffId: staffB.id, requestId, now: NOW })).can.approve).toBe(true);

    // Nor can staff of another agency: the provider's agency handles it.
    const elsewhere = await failureOf(
      approveLinkageRequest(db, { staffId: otherAgencyStaff.id, requestId, now: NOW }),
    );
    expect(elsewhere.code).toBe("WRONG_AGENCY");
    expect(elsewhere.message).toContain("【受理机构办理规则】");
  });

  it("an online request (made by the user) can be approved by any staff member of the provider's agency", async () => {
    const user = await insured("小明");
    const provider = await insured("小红");
    const { requestId } = await createOnlineLinkageRequest(db, {
      userPersonId: user.id,
      provider: byId(provider),
      now: NOW,
    });
    const stored = await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored).toMatchObject({
      source: "ONLINE",
      createdByPersonId: user.id,
      createdByStaffId: null,
      status: "PENDING",
    });
    const refused = await failureOf(approveLinkageRequest(db, { staffId: staffA.id, requestId, now: NOW }));
    expect(refused.code).toBe("DOCUMENTS_MISSING");
    expect(refused.message).toContain("提供人居民身份证原件");
    await approveLinkageRequest(db, { staffId: staffA.id, requestId, documents: ALL_DOCUMENTS, now: NOW });
    expect(await activeLinkages()).toHaveLength(1);
  });
});

describe("every rule is checked, and every refusal names its rule", () => {
  it("refuses at the counter a resident-insured provider, naming the rule", async () => {
    const user = await insured("小明");
    const resident = await insured("小红");
    await db.person.update({ where: { id: resident.id }, data: { category: "RESIDENT" } });
    await db.enrolment.deleteMany({ where: { personId: resident.id } });
    await createEnrolment(db, { personId: resident.id, category: "RESIDENT", startMonth: "2020-01" });
    const refused = await failureOf(counterRequest(user, resident));
    expect(refused.code).toBe("LINKAGE_REFUSED");
    expect(refused.message).toContain("【仅限职工医保规则】提供人参加的是城乡居民医保");
  });

  it("refuses a provider not insured in Chongqing (not in the database), naming the rule", async () => {
    const user = await insured("小明");
    const refused = await failureOf(
      createCounterLinkageRequest(db, {
        staffId: staffA.id,
        user: byId(user),
        provider: { kind: "idNumber", value: "510104198805201234" },
        documents: ALL_DOCUMENTS,
        now: NOW,
      }),
    );
    expect(refused.code).toBe("LINKAGE_REFUSED");
    expect(refused.message).toContain("【仅限重庆参保规则】");
  });

  it("refuses a counter request at an agency where the provider is not insured", async () => {
    const user = await insured("小明");
    const provider = await insured("小红");
    const refused = await failureOf(counterRequest(user, provider, otherAgencyStaff.id));
    expect(refused.code).toBe("WRONG_AGENCY");
    expect(refused.message).toContain("提供人参保地办理规则");
  });

  it("once linked, neither person can be in another request, in either role (seed 001: 小明 and 小红)", async () => {
    const xiaoming = await insured("小明");
    const xiaohong = await insured("小红");
    const other = await insured("小刚");
    await approveLinkageRequest(db, {
      staffId: staffB.id,
      requestId: await counterRequest(xiaoming, xiaohong),
      now: NOW,
    });

    for (const [user, provider] of [
      [xiaoming, other],
      [other, xiaoming],
      [other, xiaohong],
      [xiaohong, other],
      [xiaohong, xiaoming],
    ] as const) {
      const refused = await failureOf(counterRequest(user, provider));
      expect(refused.code).toBe("LINKAGE_REFUSED");
      expect(refused.message).toContain("【一对一关联规则】");
    }
  });

  it("a request that became impossible while pending is refused at approval with the rule named", async () => {
    const a = await insured("甲");
    const b = await insured("乙");
    const c = await insured("丙");
    const first = await counterRequest(a, b);
    const second = await counterRequest(a, c);
    await approveLinkageRequest(db, { staffId: staffB.id, requestId: first, now: NOW });
    const detail = await getLinkageRequest(db, { staffId: staffB.id, requestId: second, now: NOW });
    expect(detail.preCheck.ok).toBe(false);
    expect(detail.preCheck.lines.find((l) => l.rule === "ONE_TO_ONE")?.messages[0]).toContain(
      "不支持一对多关联",
    );
    const refused = await failureOf(
      approveLinkageRequest(db, { staffId: staffB.id, requestId: second, now: NOW }),
    );
    expect(refused.message).toContain("【一对一关联规则】使用人已作为使用人在一项有效关联中");
  });

  it("a second pending request for the same pair is refused", async () => {
    const a = await insured("甲");
    const b = await insured("乙");
    await counterRequest(a, b);
    expect((await failureOf(counterRequest(a, b))).code).toBe("DUPLICATE_REQUEST");
  });
});

describe("two approvals racing for the same person", () => {
  it("create exactly one linkage, every time, whichever role the shared person has", async () => {
    for (let round = 0; round < 6; round++) {
      const shared = await insured(`共${round}`);
      const x = await insured(`甲${round}`);
      const y = await insured(`乙${round}`);
      // Rounds alternate: the shared person is the user in both, the provider in both, or one of each.
      const pairs =
        round % 3 === 0
          ? [
              [shared, x],
              [shared, y],
            ]
          : round % 3 === 1
            ? [
                [x, shared],
                [y, shared],
              ]
            : [
                [shared, x],
                [y, shared],
              ];
      const ids = [];
      for (const [u, p] of pairs) ids.push(await counterRequest(u!, p!));

      const results = await Promise.allSettled([
        approveLinkageRequest(db, { staffId: staffB.id, requestId: ids[0]!, now: NOW }),
        approveLinkageRequest(db, { staffId: staffC.id, requestId: ids[1]!, now: NOW }),
      ]);

      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason.code).toBe("LINKAGE_REFUSED");
      expect(lost[0]!.reason.message).toContain("【一对一关联规则】");
      const involving = await db.linkage.findMany({
        where: { status: "ACTIVE", OR: [{ userPersonId: shared.id }, { providerPersonId: shared.id }] },
      });
      expect(involving).toHaveLength(1);
      expect(await db.linkageMember.count({ where: { personId: shared.id } })).toBe(1);
      const statuses = await db.linkageRequest.findMany({
        where: { id: { in: ids } },
        select: { status: true },
      });
      expect(statuses.map((s) => s.status).sort()).toEqual(["APPROVED", "PENDING"]);
    }
  });

  it("the database itself refuses a second active linkage for a person, by any path", async () => {
    const a = await insured("甲");
    const b = await insured("乙");
    const c = await insured("丙");
    await approveLinkageRequest(db, { staffId: staffB.id, requestId: await counterRequest(a, b), now: NOW });

    // A path that skips the service and its rules: a bare linkage plus its member rows.
    const bypass = db.$transaction(async (tx) => {
      const linkage = await tx.linkage.create({
        data: { userPersonId: c.id, providerPersonId: b.id, agencyId },
      });
      await tx.linkageMember.createMany({
        data: [
          { personId: c.id, linkageId: linkage.id, role: "USER" },
          { personId: b.id, linkageId: linkage.id, role: "PROVIDER" },
        ],
      });
    });
    expect(String(await failureOf(bypass))).toMatch(/Unique constraint|unique/i);
    // Even without member rows, the partial unique indexes refuse a second active linkage in the same role.
    const sameRole = db.linkage.create({ data: { userPersonId: c.id, providerPersonId: b.id, agencyId } });
    expect(String(await failureOf(sameRole))).toMatch(/Unique constraint|unique/i);
    expect(await activeLinkages()).toHaveLength(1);
  });
});

describe("refusing and cancelling", () => {
  it("refuses a pending request with a reason, which is required", async () => {
    const a = await insured("甲");
    const b = await insured("乙");
    const requestId = await counterRequest(a, b);
    expect(
      (await failureOf(refuseLinkageRequest(db, { staffId: staffB.id, requestId, reason: " " }))).code,
    ).toBe("REASON_REQUIRED");
    await refuseLinkageRequest(db, { staffId: staffB.id, requestId, reason: "提供人未携带社保卡原件" });
    expect(await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "REFUSED",
      decisionReason: "提供人未携带社保卡原件",
      decidedByStaffId: staffB.id,
    });
    expect((await failureOf(approveLinkageRequest(db, { staffId: staffB.id, requestId }))).code).toBe(
      "NOT_PENDING",
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "LINKAGE_REQUEST_REFUSE" } });
    expect(audit.reason).toBe("提供人未携带社保卡原件");
  });

  it("only the agency that handled a linkage can cancel it; others are told why; then both may link again", async () => {
    const a = await insured("甲");
    const b = await insured("乙");
    const requestId = await counterRequest(a, b);
    const { linkageId } = await approveLinkageRequest(db, { staffId: staffB.id, requestId, now: NOW });

    const refused = await failureOf(
      cancelLinkage(db, { staffId: otherAgencyStaff.id, linkageId, reason: "参保人申请取消" }),
    );
    expect(refused.code).toBe("WRONG_AGENCY");
    expect(refused.message).toContain("只能由该机构取消");
    expect(refused.message).toContain("重庆市医疗保险管理中心");
    expect((await db.linkage.findUniqueOrThrow({ where: { id: linkageId } })).status).toBe("ACTIVE");
    expect(
      await db.auditLog.count({ where: { action: "ACTION_DENIED", actorId: String(otherAgencyStaff.id) } }),
    ).toBe(1);

    await cancelLinkage(db, { staffId: staffA.id, linkageId, reason: "参保人申请取消" });
    expect(await db.linkage.findUniqueOrThrow({ where: { id: linkageId } })).toMatchObject({
      status: "CANCELLED",
      cancelledByStaffId: staffA.id,
      cancelReason: "参保人申请取消",
    });
    expect(await db.linkageMember.count()).toBe(0);
    expect((await db.linkageRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "CANCELLED",
    );
    expect(
      (await failureOf(cancelLinkage(db, { staffId: staffA.id, linkageId, reason: "再次取消" }))).code,
    ).toBe("NOT_ACTIVE");

    // §7.5: to change, cancel first, then apply again — now with the roles swapped.
    const again = await counterRequest(b, a);
    await approveLinkageRequest(db, { staffId: staffB.id, requestId: again, now: NOW });
    expect(await activeLinkages()).toEqual([
      expect.objectContaining({ userPersonId: b.id, providerPersonId: a.id }),
    ]);
  });

  it("the queue lists requests by status and finds them by ID number, card number or name", async () => {
    const a = await insured("甲一");
    const b = await insured("乙二");
    const c = await insured("丙三");
    const pending = await counterRequest(a, b);
    const refusedId = await counterRequest(c, b);
    await refuseLinkageRequest(db, { staffId: staffB.id, requestId: refusedId, reason: "材料不全" });

    const all = await listLinkageRequests(db, { staffAgencyId: agencyId });
    expect(all.counts).toEqual({ PENDING: 1, APPROVED: 0, REFUSED: 1, CANCELLED: 0 });
    expect(
      (await listLinkageRequests(db, { staffAgencyId: agencyId, status: "PENDING" })).rows.map((r) => r.id),
    ).toEqual([pending]);
    expect(
      (await listLinkageRequests(db, { staffAgencyId: agencyId, q: a.idNumber })).rows.map((r) => r.id),
    ).toEqual([pending]);
    expect(
      (await listLinkageRequests(db, { staffAgencyId: agencyId, q: c.cardNumber })).rows.map((r) => r.id),
    ).toEqual([refusedId]);
    expect((await listLinkageRequests(db, { staffAgencyId: agencyId, q: "乙二" })).rows).toHaveLength(2);
    expect(
      (await listLinkageRequests(db, { staffAgencyId: agencyId, subjectPersonId: c.id })).rows.map(
        (r) => r.id,
      ),
    ).toEqual([refusedId]);
    const row = all.rows[0]!;
    expect(row.user.maskedIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(row.user.maskedName).toContain("*");
    // Another agency's staff see their own (empty) queue by default.
    expect((await listLinkageRequests(db, { staffAgencyId: otherAgencyStaff.agencyId })).rows).toEqual([]);
  });
});

describe("once linked, money flows one way (seed 001)", () => {
  it("the user's own balance is spent first, then the provider's; the provider never spends the user's", async () => {
    const { institution } = await createInstitution(db, { code: "H50010399", name: "测试药房" });
    const xiaoming = await insured("小明", 100_00n);
    const xiaohong = await insured("小红", 1_000_00n);
    await approveLinkageRequest(db, {
      staffId: staffB.id,
      requestId: await counterRequest(xiaoming, xiaohong),
      now: NOW,
    });

    const base = {
      institutionId: institution.id,
      institutionCode: institution.code,
      institutionName: institution.name,
      serviceDate: "2026-11-28",
      kind: "PHARMACY" as const,
      channel: "VOUCHER" as const,
      fundPayableFen: 0n,
    };
    const userPays = await settle(
      db,
      { ...base, settlementNo: "L1", personId: xiaoming.id, totalFen: 300_00n, selfPayFen: 300_00n },
      NOW,
    );
    expect(userPays).toMatchObject({ ownAccountFen: 100_00n, linkedAccountFen: 200_00n, cashFen: 0n });

    const providerPays = await settle(
      db,
      { ...base, settlementNo: "L2", personId: xiaohong.id, totalFen: 900_00n, selfPayFen: 900_00n },
      NOW,
    );
    expect(providerPays).toMatchObject({ ownAccountFen: 800_00n, linkedAccountFen: 0n, cashFen: 100_00n });
    const userAccount = await db.account.findUniqueOrThrow({ where: { id: xiaoming.accountId } });
    expect(userAccount.balanceFen).toBe(0n);
  });
});
