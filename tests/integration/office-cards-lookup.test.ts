/**
 * Counter card operations (DOMAIN §8), person look-up with its audit rows, the audit trail filters, the
 * append-only audit table, and the staff second factor — all against real Postgres.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { cancelPreLoss } from "@/lib/services/cancel-pre-loss";
import { formallyReportLoss } from "@/lib/services/formally-report-loss";
import {
  getPersonFileOverview,
  listPersonContributions,
  listPersonSettlements,
} from "@/lib/services/get-person-file";
import { listAuditTrail } from "@/lib/services/list-audit-trail";
import { lookUpPerson, openPersonFile } from "@/lib/services/look-up-person";
import { markCardCollected } from "@/lib/services/mark-card-collected";
import { reportCardLoss } from "@/lib/services/report-card-loss";
import { checkStaffPassword, signInStaff, verifyStaffSecondFactor } from "@/lib/services/sign-in";
import {
  currentTotp,
  enrolStaffTotp,
  newTotpSecret,
  readStaffChallenge,
  signEnrolment,
  signStaffChallenge,
} from "@/lib/services/totp";
import { createInsured, createReferenceData, truncateAll } from "@/tests/factories";
import { createStaff, STAFF_PASSWORD } from "@/tests/factories/office";
import { failureOf } from "./helpers";

let db: Db;
let agencyId: number;
let unitId: number;
let staff: { id: number; staffNumber: string };
let colleague: { id: number; staffNumber: string };

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ agencyId, unitId } = await createReferenceData(db));
  staff = await createStaff(db, { agencyId, name: "刘芳" });
  colleague = await createStaff(db, { agencyId, name: "陈建华" });
});

// Saturday 2026-11-28, noon in Chongqing.
const NOW = new Date("2026-11-28T04:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

async function holder() {
  const { person, card } = await createInsured(db, { agencyId, unitId, name: "李明" });
  return { person, card };
}

describe("card loss and reissue at the counter", () => {
  it("pre-loss, cancel, pre-loss again, formal loss (final) with a reissue 15 working days later, collected", async () => {
    const { person, card } = await holder();
    const actor = { type: "STAFF" as const, staffId: staff.id };

    const { preLossExpiresAt } = await reportCardLoss(db, { actor, cardId: card.id, now: NOW });
    expect(preLossExpiresAt.toISOString()).toBe("2026-12-08T04:00:00.000Z");
    expect((await failureOf(reportCardLoss(db, { actor, cardId: card.id, now: NOW }))).code).toBe(
      "CARD_PRE_LOST",
    );

    await cancelPreLoss(db, { actor, cardId: card.id, now: later(2) });
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).status).toBe("ACTIVE");
    expect((await failureOf(cancelPreLoss(db, { actor, cardId: card.id, now: later(2) }))).code).toBe(
      "CARD_ACTIVE",
    );

    await reportCardLoss(db, { actor, cardId: card.id, now: later(3) });
    const { reissueReadyOn } = await formallyReportLoss(db, { actor, cardId: card.id, now: NOW });
    expect(reissueReadyOn).toBe("2026-12-18");
    const lost = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(lost).toMatchObject({ status: "LOST", preLossExpiresAt: null });
    expect(lost.reissueReadyOn?.toISOString().slice(0, 10)).toBe("2026-12-18");

    // Irreversible: no cancelling a formal loss, no second formal loss.
    expect((await failureOf(cancelPreLoss(db, { actor, cardId: card.id, now: later(1) }))).code).toBe(
      "CARD_LOST",
    );
    expect((await failureOf(formallyReportLoss(db, { actor, cardId: card.id, now: later(1) }))).code).toBe(
      "CARD_LOST",
    );

    const early = await failureOf(
      markCardCollected(db, { actor, cardId: card.id, now: new Date("2026-12-17T04:00:00Z") }),
    );
    expect(early.code).toBe("REISSUE_NOT_READY");
    expect(early.message).toContain("2026-12-18");

    const { newCardId, newCardNumber } = await markCardCollected(db, {
      actor,
      cardId: card.id,
      now: new Date("2026-12-18T02:00:00Z"),
    });
    expect(newCardNumber).toMatch(/^T\d{8}$/);
    const cards = await db.card.findMany({ where: { personId: person.id }, orderBy: { id: "asc" } });
    expect(cards.map((c) => [c.id, c.status])).toEqual([
      [card.id, "REPLACED"],
      [newCardId, "ACTIVE"],
    ]);
    expect((await failureOf(markCardCollected(db, { actor, cardId: card.id, now: later(30) }))).code).toBe(
      "CARD_REPLACED",
    );

    const audits = await db.auditLog.findMany({
      where: { subjectPersonId: person.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "CARD_PRE_LOSS",
      "CARD_PRE_LOSS_CANCEL",
      "CARD_PRE_LOSS",
      "CARD_FORMAL_LOSS",
      "CARD_COLLECTED",
    ]);
    expect(audits.every((a) => a.actorType === "STAFF" && a.actorId === String(staff.id))).toBe(true);
    // Audit rows carry masked card numbers only.
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(card.cardNumber);
  });

  it("a lapsed pre-loss needs no cancelling and can be reported again", async () => {
    const { card } = await holder();
    const actor = { type: "STAFF" as const, staffId: staff.id };
    await reportCardLoss(db, { actor, cardId: card.id, now: NOW });
    expect((await failureOf(cancelPreLoss(db, { actor, cardId: card.id, now: later(11) }))).code).toBe(
      "PRE_LOSS_LAPSED",
    );
    await reportCardLoss(db, { actor, cardId: card.id, now: later(11) });
  });

  it("a person may pre-lose only their own card; another's is not found, and audited", async () => {
    const { person, card } = await holder();
    const { person: other } = await holder();
    await reportCardLoss(db, { actor: { type: "PERSON", personId: person.id }, cardId: card.id, now: NOW });
    const foreign = await failureOf(
      cancelPreLoss(db, { actor: { type: "PERSON", personId: other.id }, cardId: card.id, now: NOW }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    const denied = await db.auditLog.findFirstOrThrow({ where: { action: "ACTION_DENIED" } });
    expect(denied).toMatchObject({ actorType: "PERSON", actorId: String(other.id) });
  });
});

describe("person look-up", () => {
  it("needs a reason, finds by ID or card number, and writes an audit row for every look-up (a miss too)", async () => {
    const { person, card } = await holder();
    expect(
      (await failureOf(lookUpPerson(db, { staffId: staff.id, query: person.idNumber, reason: "" }))).code,
    ).toBe("REASON_REQUIRED");
    expect(
      (await failureOf(lookUpPerson(db, { staffId: staff.id, query: "12345", reason: "核对" }))).code,
    ).toBe("INVALID_IDENTIFIER");
    expect(await db.auditLog.count()).toBe(0);

    expect(
      (await lookUpPerson(db, { staffId: staff.id, query: person.idNumber, reason: "来电咨询余额" }))
        .personId,
    ).toBe(person.id);
    expect(
      (
        await lookUpPerson(db, {
          staffId: colleague.id,
          query: card.cardNumber.toLowerCase(),
          reason: "窗口办理挂失",
        })
      ).personId,
    ).toBe(person.id);
    const miss = await failureOf(
      lookUpPerson(db, { staffId: staff.id, query: "A99999999", reason: "核对卡号" }),
    );
    expect(miss.code).toBe("NOT_FOUND");

    const rows = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.actorId, r.action, r.subjectPersonId, r.reason])).toEqual([
      [String(staff.id), "PERSON_LOOKUP", person.id, "来电咨询余额"],
      [String(colleague.id), "PERSON_LOOKUP", person.id, "窗口办理挂失"],
      [String(staff.id), "PERSON_LOOKUP_MISS", null, "核对卡号"],
    ]);
    expect(rows[0]!.details).toEqual({
      by: "idNumber",
      searched: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`,
    });
    expect(rows.every((r) => r.at instanceof Date && r.actorType === "STAFF")).toBe(true);
  });

  it("opening the file needs a recent look-up by the same staff member, and every view is audited", async () => {
    const { person } = await holder();
    const refused = await failureOf(
      openPersonFile(db, { staffId: staff.id, personId: person.id, section: "overview" }),
    );
    expect(refused.code).toBe("LOOKUP_REQUIRED");

    await lookUpPerson(db, { staffId: colleague.id, query: person.idNumber, reason: "同事查询" });
    expect(
      (await failureOf(openPersonFile(db, { staffId: staff.id, personId: person.id, section: "overview" })))
        .code,
    ).toBe("LOOKUP_REQUIRED");

    await lookUpPerson(db, { staffId: staff.id, query: person.idNumber, reason: "窗口办理挂失" });
    for (const section of ["overview", "statement", "contributions", "settlements"] as const) {
      expect((await openPersonFile(db, { staffId: staff.id, personId: person.id, section })).reason).toBe(
        "窗口办理挂失",
      );
    }
    const views = await db.auditLog.findMany({ where: { action: "PERSON_VIEW" }, orderBy: { id: "asc" } });
    expect(
      views.map((v) => [(v.details as { section: string }).section, v.reason, v.subjectPersonId]),
    ).toEqual([
      ["overview", "窗口办理挂失", person.id],
      ["statement", "窗口办理挂失", person.id],
      ["contributions", "窗口办理挂失", person.id],
      ["settlements", "窗口办理挂失", person.id],
    ]);
    // Half an hour later the look-up has run out.
    const expired = await failureOf(
      openPersonFile(db, {
        staffId: staff.id,
        personId: person.id,
        section: "overview",
        now: new Date(Date.now() + 31 * 60_000),
      }),
    );
    expect(expired.code).toBe("LOOKUP_REQUIRED");

    const overview = await getPersonFileOverview(db, { personId: person.id, now: NOW });
    expect(overview.maskedIdNumber).not.toBe(person.idNumber);
    expect(overview.benefit.status).toBe("NORMAL");
    expect(overview.cards[0]!.maskedNumber).toContain("*");
    expect(await listPersonContributions(db, { personId: person.id })).toEqual([]);
    expect(await listPersonSettlements(db, { personId: person.id })).toEqual([]);
  });
});

describe("audit trail", () => {
  it("filters by staff, person, action and date", async () => {
    const { person, card } = await holder();
    const { person: other } = await holder();
    await lookUpPerson(db, { staffId: staff.id, query: person.idNumber, reason: "核对" });
    await lookUpPerson(db, { staffId: colleague.id, query: other.idNumber, reason: "核对" });
    await reportCardLoss(db, { actor: { type: "STAFF", staffId: colleague.id }, cardId: card.id, now: NOW });

    const byStaff = await listAuditTrail(db, {
      viewerStaffId: staff.id,
      filter: { staffNumber: colleague.staffNumber },
    });
    expect(byStaff.rows.map((r) => r.action)).toEqual(["CARD_PRE_LOSS", "PERSON_LOOKUP"]);
    expect(byStaff.rows[0]!.actorText).toBe(`${colleague.staffNumber} 陈建华`);
    expect(byStaff.rows[0]!.actionText).toBe("社保卡预挂失");

    const byPerson = await listAuditTrail(db, {
      viewerStaffId: staff.id,
      filter: { person: person.idNumber },
    });
    expect(byPerson.rows.map((r) => r.action)).toEqual(["CARD_PRE_LOSS", "PERSON_LOOKUP"]);
    expect(byPerson.rows[0]!.subjectText).toMatch(/^李\*\(\d{6}\*{8}[\dX]{4}\)$/);
    // Filtering the trail by a person is itself a view of that person, and audited.
    expect(await db.auditLog.count({ where: { action: "AUDIT_VIEW", subjectPersonId: person.id } })).toBe(1);

    const byAction = await listAuditTrail(db, {
      viewerStaffId: staff.id,
      filter: { action: "PERSON_LOOKUP" },
    });
    expect(byAction.rows).toHaveLength(2);
    expect(
      (
        await listAuditTrail(db, {
          viewerStaffId: staff.id,
          filter: { from: "2020-01-01", to: "2020-12-31" },
        })
      ).rows,
    ).toEqual([]);
    expect(
      (
        await listAuditTrail(db, {
          viewerStaffId: staff.id,
          filter: { action: "PERSON_LOOKUP", from: "2020-01-01", to: "2099-12-31" },
        })
      ).rows,
    ).toHaveLength(2);
    expect(
      (await failureOf(listAuditTrail(db, { viewerStaffId: staff.id, filter: { staffNumber: "S9999" } })))
        .code,
    ).toBe("NOT_FOUND");
  });

  it("is append-only: an UPDATE or DELETE of an audit row is refused by the database", async () => {
    const { person } = await holder();
    await lookUpPerson(db, { staffId: staff.id, query: person.idNumber, reason: "来电咨询" });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "PERSON_LOOKUP" } });

    const update = await failureOf(
      db.auditLog.update({ where: { id: row.id }, data: { reason: "改过的原因" } }),
    );
    expect(String(update)).toContain("append-only");
    const remove = await failureOf(db.auditLog.delete({ where: { id: row.id } }));
    expect(String(remove)).toContain("append-only");
    const raw = await failureOf(
      db.$executeRawUnsafe(`UPDATE audit_logs SET actor_id = '0' WHERE id = ${row.id}`),
    );
    expect(String(raw)).toContain("append-only");

    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      reason: "来电咨询",
      actorId: String(staff.id),
    });
  });
});

describe("staff second factor (TOTP)", () => {
  const KEY = "integration-test-signing-key-0123456789abcdef";

  it("a staff member with TOTP needs the code after the password; wrong codes count towards the lockout", async () => {
    const secret = newTotpSecret();
    const s = await createStaff(db, { agencyId, totpSecret: secret });
    const now = new Date();

    expect(
      (await failureOf(signInStaff(db, { staffNumber: s.staffNumber, password: STAFF_PASSWORD, now }))).code,
    ).toBe("TOTP_REQUIRED");
    const { principal, needsTotp } = await checkStaffPassword(db, {
      staffNumber: s.staffNumber,
      password: STAFF_PASSWORD,
      now,
    });
    expect(needsTotp).toBe(true);
    const token = signStaffChallenge(
      { staffId: principal.id, sessionVersion: principal.sessionVersion },
      KEY,
      now,
    );
    const challenge = readStaffChallenge(token, KEY, now);

    const wrong = await failureOf(verifyStaffSecondFactor(db, { challenge, code: "000000", now }));
    expect(wrong.code).toBe("BAD_TOTP");
    expect(wrong.message).toContain("还可尝试4次");
    // Re-entering the right password does not wipe the count of wrong codes.
    await checkStaffPassword(db, { staffNumber: s.staffNumber, password: STAFF_PASSWORD, now });
    expect((await db.staff.findUniqueOrThrow({ where: { id: s.id } })).failedLogins).toBe(1);

    const signedIn = await verifyStaffSecondFactor(db, {
      challenge,
      code: await currentTotp(secret, now),
      now,
    });
    expect(signedIn).toMatchObject({ role: "staff", id: s.id });
    expect((await db.staff.findUniqueOrThrow({ where: { id: s.id } })).failedLogins).toBe(0);
    const actions = await db.auditLog.findMany({ where: { actorId: String(s.id) }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual([
      "SIGN_IN_PASSWORD_OK",
      "SIGN_IN_PASSWORD_OK",
      "SIGN_IN_FAILED",
      "SIGN_IN_PASSWORD_OK",
      "SIGN_IN",
    ]);

    // A tampered or expired challenge is refused.
    expect(() => readStaffChallenge(`${token.slice(0, -2)}xx`, KEY, now)).toThrow("登录已超时");
    expect(() => readStaffChallenge(token, KEY, new Date(now.getTime() + 6 * 60_000))).toThrow("登录已超时");
    expect(() => readStaffChallenge(token, "another-key-0123456789abcdef0123456789", now)).toThrow(
      "登录已超时",
    );
  });

  it("five wrong codes lock the account", async () => {
    const secret = newTotpSecret();
    const s = await createStaff(db, { agencyId, totpSecret: secret });
    const now = new Date();
    const challenge = { staffId: s.id, sessionVersion: 0 };
    for (let i = 0; i < 4; i++)
      await failureOf(verifyStaffSecondFactor(db, { challenge, code: "000000", now }));
    expect((await failureOf(verifyStaffSecondFactor(db, { challenge, code: "000000", now }))).code).toBe(
      "ACCOUNT_LOCKED",
    );
    expect(
      (await failureOf(verifyStaffSecondFactor(db, { challenge, code: await currentTotp(secret, now), now })))
        .code,
    ).toBe("ACCOUNT_LOCKED");
  });

  it("staff without TOTP sign in with the password and can enrol with a code from the new secret", async () => {
    const s = await createStaff(db, { agencyId });
    const now = new Date();
    expect((await signInStaff(db, { staffNumber: s.staffNumber, password: STAFF_PASSWORD, now })).id).toBe(
      s.id,
    );

    const secret = newTotpSecret();
    const signature = signEnrolment(s.id, secret, KEY);
    const badCode = await failureOf(
      enrolStaffTotp(db, { staffId: s.id, secret, signature, code: "123", key: KEY, now }),
    );
    expect(badCode.code).toBe("BAD_TOTP");
    const swapped = await failureOf(
      enrolStaffTotp(db, {
        staffId: s.id,
        secret: newTotpSecret(),
        signature,
        code: "123456",
        key: KEY,
        now,
      }),
    );
    expect(swapped.code).toBe("ENROLMENT_EXPIRED");

    await enrolStaffTotp(db, {
      staffId: s.id,
      secret,
      signature,
      code: await currentTotp(secret, now),
      key: KEY,
      now,
    });
    const stored = await db.staff.findUniqueOrThrow({
      where: { id: s.id },
      select: { totpSecret: true, totpEnabledAt: true },
    });
    expect(stored.totpSecret).toBe(secret);
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(
      (await failureOf(signInStaff(db, { staffNumber: s.staffNumber, password: STAFF_PASSWORD, now }))).code,
    ).toBe("TOTP_REQUIRED");
    expect(await db.auditLog.count({ where: { action: "TOTP_ENROL", actorId: String(s.id) } })).toBe(1);
    // The default client never returns the secret unless asked for by name.
    expect(await db.staff.findUniqueOrThrow({ where: { id: s.id } })).not.toHaveProperty("totpSecret");
  });
});
