/**
 * Sign-in for persons, unit clerks and staff against real rows: password hashes, the lockout counters
 * kept on each account row, the audit trail, and the initial-password path for persons.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { initialPassword } from "@/lib/domain/lockout";
import { changePersonPassword } from "@/lib/services/change-password";
import { hashPassword } from "@/lib/services/passwords";
import { signInClerk, signInPerson, signInStaff } from "@/lib/services/sign-in";
import { createPerson, createReferenceData, truncateAll } from "@/tests/factories";
import { failureOf } from "./helpers";

let db: Db;
let agencyId: number;
let unitId: number;
let knownHash: string;

const PASSWORD = "Chongqing2026";
const now = new Date("2026-11-28T02:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  knownHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ agencyId, unitId } = await createReferenceData(db));
});

async function personWith(passwordHash: string | null) {
  const { person } = await createPerson(db, { agencyId, unitId, passwordHash });
  const card = await db.card.findFirstOrThrow({ where: { personId: person.id } });
  return { person, cardNumber: card.cardNumber };
}

async function auditActions(actorId: number): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    where: { actorId: String(actorId) },
    orderBy: { id: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

describe("person sign-in", () => {
  it("counts parallel wrong attempts one by one, so a burst locks the account", async () => {
    const { person, cardNumber } = await personWith(knownHash);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => signInPerson(db, { loginId: cardNumber, password: "wrong-guess-1", now })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "BAD_CREDENTIALS")).toHaveLength(4);
    expect(codes.filter((c) => c === "ACCOUNT_LOCKED")).toHaveLength(16);
    const row = await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { failedLogins: true, lockedUntil: true } });
    expect(row.failedLogins).toBe(5);
    expect(row.lockedUntil).toEqual(minutes(15));
    await expect(signInPerson(db, { loginId: cardNumber, password: PASSWORD, now })).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
  });

  it("accepts the card number and the ID number, and audits each sign-in", async () => {
    const { person, cardNumber } = await personWith(knownHash);

    const byCard = await signInPerson(db, { loginId: cardNumber, password: PASSWORD, now });
    expect(byCard).toEqual({
      role: "person",
      id: person.id,
      name: person.name,
      mustChangePassword: false,
      sessionVersion: 0,
    });
    const byId = await signInPerson(db, { loginId: person.idNumber.toLowerCase(), password: PASSWORD, now });
    expect(byId.id).toBe(person.id);

    const audits = await db.auditLog.findMany({
      where: { actorId: String(person.id) },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.actorType, a.action, a.subjectPersonId])).toEqual([
      ["PERSON", "SIGN_IN", person.id],
      ["PERSON", "SIGN_IN", person.id],
    ]);
  });

  it("refuses a wrong password with BAD_CREDENTIALS, tells the attempts left, and audits it", async () => {
    const { person, cardNumber } = await personWith(knownHash);

    const error = await failureOf(
      signInPerson(db, { loginId: cardNumber, password: "wrong-password1", now }),
    );
    expect(error.code).toBe("BAD_CREDENTIALS");
    expect(error.message).toContain("还可尝试4次");
    const second = await failureOf(
      signInPerson(db, { loginId: cardNumber, password: "wrong-password2", now }),
    );
    expect(second.message).toContain("还可尝试3次");

    const row = await db.person.findUniqueOrThrow({
      where: { id: person.id },
      select: { failedLogins: true, lockedUntil: true },
    });
    expect(row).toEqual({ failedLogins: 2, lockedUntil: null });
    expect(await auditActions(person.id)).toEqual(["SIGN_IN_FAILED", "SIGN_IN_FAILED"]);

    await signInPerson(db, { loginId: cardNumber, password: PASSWORD, now });
    const reset = await db.person.findUniqueOrThrow({
      where: { id: person.id },
      select: { failedLogins: true },
    });
    expect(reset.failedLogins).toBe(0);
  });

  it("locks after 5 failures, refuses even the right password for 15 minutes, then lets it in", async () => {
    const { person, cardNumber } = await personWith(knownHash);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await failureOf(
            signInPerson(db, { loginId: cardNumber, password: `wrong${i}`, now: minutes(i / 10) }),
          )
        ).code!,
      );
    }
    expect(codes).toEqual([
      "BAD_CREDENTIALS",
      "BAD_CREDENTIALS",
      "BAD_CREDENTIALS",
      "BAD_CREDENTIALS",
      "ACCOUNT_LOCKED",
    ]);
    const lockedAt = minutes(0.4);
    const row = await db.person.findUniqueOrThrow({
      where: { id: person.id },
      select: { failedLogins: true, lockedUntil: true },
    });
    expect(row).toEqual({ failedLogins: 5, lockedUntil: new Date(lockedAt.getTime() + 15 * 60_000) });

    const whileLocked = await failureOf(
      signInPerson(db, { loginId: cardNumber, password: PASSWORD, now: minutes(1) }),
    );
    expect(whileLocked.code).toBe("ACCOUNT_LOCKED");
    expect(whileLocked.message).toContain("15分钟");
    const lastSecond = new Date(lockedAt.getTime() + 15 * 60_000 - 1_000);
    expect(
      (await failureOf(signInPerson(db, { loginId: person.idNumber, password: PASSWORD, now: lastSecond })))
        .code,
    ).toBe("ACCOUNT_LOCKED");

    const after = await signInPerson(db, {
      loginId: cardNumber,
      password: PASSWORD,
      now: new Date(lockedAt.getTime() + 15 * 60_000),
    });
    expect(after.id).toBe(person.id);
    const cleared = await db.person.findUniqueOrThrow({
      where: { id: person.id },
      select: { failedLogins: true, lockedUntil: true },
    });
    expect(cleared).toEqual({ failedLogins: 0, lockedUntil: null });
    expect(await auditActions(person.id)).toEqual([...Array(5).fill("SIGN_IN_FAILED"), "SIGN_IN"]);
  });

  it("accepts the initial password of a person without one and asks for a change", async () => {
    const { person, cardNumber } = await personWith(null);
    const initial = initialPassword(person.personalNumber);
    expect(initial).toBe(person.personalNumber.slice(-6));

    const principal = await signInPerson(db, { loginId: cardNumber, password: initial, now });
    expect(principal).toMatchObject({
      role: "person",
      id: person.id,
      mustChangePassword: true,
      sessionVersion: 0,
    });
    expect((await failureOf(signInPerson(db, { loginId: cardNumber, password: "000000", now }))).code).toBe(
      "BAD_CREDENTIALS",
    );
  });

  it("after a password change refuses the initial password, accepts the new one and bumps the session version", async () => {
    const { person, cardNumber } = await personWith(null);
    const initial = initialPassword(person.personalNumber);
    const newPassword = "NewPass2026x";

    const changed = await changePersonPassword(db, {
      personId: person.id,
      currentPassword: initial,
      newPassword,
    });
    expect(changed.sessionVersion).toBe(1);
    const stored = await db.person.findUniqueOrThrow({
      where: { id: person.id },
      select: { passwordHash: true, sessionVersion: true },
    });
    expect(stored.sessionVersion).toBe(1);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(newPassword);

    const old = await failureOf(signInPerson(db, { loginId: cardNumber, password: initial, now }));
    expect(old.code).toBe("BAD_CREDENTIALS");
    const principal = await signInPerson(db, { loginId: cardNumber, password: newPassword, now });
    expect(principal).toMatchObject({ id: person.id, mustChangePassword: false, sessionVersion: 1 });
    expect(await auditActions(person.id)).toEqual(["CHANGE_PASSWORD", "SIGN_IN_FAILED", "SIGN_IN"]);
  });

  it("refuses an unknown card or ID number with BAD_CREDENTIALS and no audit row", async () => {
    await personWith(knownHash);
    expect((await failureOf(signInPerson(db, { loginId: "Z99999999", password: PASSWORD, now }))).code).toBe(
      "BAD_CREDENTIALS",
    );
    const unknownId = "11010519491231002X";
    expect((await failureOf(signInPerson(db, { loginId: unknownId, password: PASSWORD, now }))).code).toBe(
      "BAD_CREDENTIALS",
    );
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("clerk and staff sign-in", () => {
  it("signs a unit clerk in with unit number, username and password", async () => {
    const clerk = await db.unitClerk.create({
      data: { unitId, username: "hr01", name: "周经办", passwordHash: knownHash },
    });

    const principal = await signInClerk(db, {
      unitNumber: "5001000001",
      username: " hr01 ",
      password: PASSWORD,
      now,
    });
    expect(principal).toEqual({
      role: "clerk",
      id: clerk.id,
      name: "周经办",
      mustChangePassword: false,
      sessionVersion: 0,
    });

    const wrongUnit = await failureOf(
      signInClerk(db, { unitNumber: "5001000002", username: "hr01", password: PASSWORD, now }),
    );
    expect(wrongUnit.code).toBe("BAD_CREDENTIALS");
    const wrongPassword = await failureOf(
      signInClerk(db, { unitNumber: "5001000001", username: "hr01", password: "nope", now }),
    );
    expect(wrongPassword.code).toBe("BAD_CREDENTIALS");
    expect(wrongPassword.message).toContain("还可尝试4次");

    const audits = await db.auditLog.findMany({ where: { actorType: "CLERK" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorId, a.action, a.subjectPersonId])).toEqual([
      [String(clerk.id), "SIGN_IN", null],
      [String(clerk.id), "SIGN_IN_FAILED", null],
    ]);
  });

  it("signs staff in by staff number (any case) and locks them out like anyone else", async () => {
    const staff = await db.staff.create({
      data: { staffNumber: "S9001", name: "刘工作", agencyId, passwordHash: knownHash },
    });

    const principal = await signInStaff(db, { staffNumber: "s9001", password: PASSWORD, now });
    expect(principal).toEqual({
      role: "staff",
      id: staff.id,
      name: "刘工作",
      mustChangePassword: false,
      sessionVersion: 0,
    });
    expect((await failureOf(signInStaff(db, { staffNumber: "S9999", password: PASSWORD, now }))).code).toBe(
      "BAD_CREDENTIALS",
    );

    for (let i = 0; i < 5; i++)
      await failureOf(signInStaff(db, { staffNumber: "S9001", password: "bad", now }));
    expect(
      (await failureOf(signInStaff(db, { staffNumber: "S9001", password: PASSWORD, now: minutes(5) }))).code,
    ).toBe("ACCOUNT_LOCKED");
    expect((await signInStaff(db, { staffNumber: "S9001", password: PASSWORD, now: minutes(15) })).id).toBe(
      staff.id,
    );

    const actions = await db.auditLog.findMany({
      where: { actorType: "STAFF", actorId: String(staff.id) },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["SIGN_IN", ...Array(5).fill("SIGN_IN_FAILED"), "SIGN_IN"]);
  });
});
