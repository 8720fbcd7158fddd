/**
 * Sign-out ends every session of the principal: the session version in the database goes up, so a
 * token carrying the old version no longer counts (lib/auth/guard.ts compares them on every request).
 * The browser side (a second browser thrown out) is tests/e2e/security-headers.spec.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { changePersonPassword } from "@/lib/services/change-password";
import { revokeSessions } from "@/lib/services/revoke-sessions";
import { createPerson, createReferenceData, truncateAll } from "@/tests/factories";

let db: Db;
let agencyId: number;
let unitId: number;

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ agencyId, unitId } = await createReferenceData(db));
});

describe("revokeSessions", () => {
  it.each(["person", "clerk", "staff"] as const)("raises the %s's session version and audits the sign-out", async (role) => {
    const id =
      role === "person"
        ? (await createPerson(db, { agencyId, unitId })).person.id
        : role === "clerk"
          ? (await db.unitClerk.create({ data: { unitId, username: "hr01", name: "周经办", passwordHash: "x" } })).id
          : (await db.staff.create({ data: { staffNumber: "S9001", name: "刘工作", agencyId, passwordHash: "x" } })).id;

    expect(await revokeSessions(db, { role, id, ip: "203.0.113.7" })).toEqual({ sessionVersion: 1 });
    expect(await revokeSessions(db, { role, id })).toEqual({ sessionVersion: 2 });

    const audits = await db.auditLog.findMany({ where: { action: "SIGN_OUT" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorType, a.actorId, a.subjectPersonId, a.ip])).toEqual([
      [role.toUpperCase(), String(id), role === "person" ? id : null, "203.0.113.7"],
      [role.toUpperCase(), String(id), role === "person" ? id : null, null],
    ]);
  });

  it("touches only that principal: another person's sessions go on", async () => {
    const { person: a } = await createPerson(db, { agencyId, unitId });
    const { person: b } = await createPerson(db, { agencyId, unitId });
    await revokeSessions(db, { role: "person", id: a.id });
    const versions = await db.person.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, sessionVersion: true } });
    expect(Object.fromEntries(versions.map((v) => [v.id, v.sessionVersion]))).toEqual({ [a.id]: 1, [b.id]: 0 });
  });

  it("a sign-out elsewhere and a password change each leave older tokens behind", async () => {
    const { person } = await createPerson(db, { agencyId, unitId, passwordHash: null });
    const initial = person.personalNumber.slice(-6);
    // Token 1 (version 0) → the first password change gives version 1 to the changing session only.
    const changed = await changePersonPassword(db, { personId: person.id, currentPassword: initial, newPassword: "Chongqing2026" });
    expect(changed.sessionVersion).toBe(1);
    // Another browser signs in with version 1; this one signs out: version 2, both tokens are stale.
    const { sessionVersion } = await revokeSessions(db, { role: "person", id: person.id });
    expect(sessionVersion).toBe(2);
    const stored = await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { sessionVersion: true } });
    expect([0, 1].includes(stored.sessionVersion)).toBe(false);
  });
});
