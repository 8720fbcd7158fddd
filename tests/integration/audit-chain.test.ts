/**
 * Audit rows are hash-chained by a database trigger: an edit made directly in the database, behind
 * the append-only trigger's back, is found by the chain check.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/services/check-audit-chain";
import { truncateAll } from "@/tests/factories";

let db: Db;

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});
afterAll(async () => {
  await db.$disconnect();
});
beforeEach(async () => {
  await truncateAll(db);
});

async function writeRows(n: number) {
  for (let i = 0; i < n; i++) {
    await db.auditLog.create({ data: { actorType: "STAFF", actorId: "1", action: "LOOK_UP_PERSON", subjectPersonId: i + 1, reason: `核查 ${i}` } });
  }
}

describe("audit hash chain", () => {
  it("links every row to the one before and checks clean", async () => {
    await writeRows(5);
    const rows = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { prevHash: true, hash: true } });
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(Buffer.from(rows[i]!.prevHash!)).toEqual(Buffer.from(rows[i - 1]!.hash!));
    expect(await checkAuditChain(db)).toMatchObject({ rows: 5, ok: true, broken: [] });
  });

  it("chains rows written concurrently without forks", async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => db.auditLog.create({ data: { actorType: "SYSTEM", action: `CONCURRENT_${i}` } })));
    expect(await checkAuditChain(db)).toMatchObject({ rows: 30, ok: true });
  });

  it("finds a row changed directly in the database", async () => {
    await writeRows(4);
    const [target] = await db.auditLog.findMany({ orderBy: { id: "asc" }, skip: 2, take: 1, select: { id: true } });
    // An attacker with database rights switches the append-only trigger off and edits a reason.
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only`),
      db.$executeRawUnsafe(`UPDATE audit_logs SET reason = '无' WHERE id = ${target!.id}`),
      db.$executeRawUnsafe(`ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only`),
    ]);
    const report = await checkAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.broken[0]).toEqual({ id: target!.id, problem: "CONTENT" });
  });

  it("finds a deleted row by the broken link after it", async () => {
    await writeRows(4);
    const ids = (await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only`),
      db.$executeRawUnsafe(`DELETE FROM audit_logs WHERE id = ${ids[1]}`),
      db.$executeRawUnsafe(`ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only`),
    ]);
    const report = await checkAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.broken[0]).toEqual({ id: ids[2], problem: "LINK" });
  });
});
