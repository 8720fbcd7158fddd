/**
 * Printable documents against real Postgres: a proof and a statement are issued with signed codes and
 * a snapshot of the record, only their owner can open them (anyone else: NOT_FOUND plus an audit row),
 * and /verify's service accepts the printed code, refuses a changed or invented one, and refuses it
 * once expired.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { deriveVerificationKey, formatCode, issueCode, normalizeCode } from "@/lib/domain/verification-code";
import { getOwnDocument } from "@/lib/services/get-own-document";
import { issueProof } from "@/lib/services/issue-proof";
import { issueStatement } from "@/lib/services/issue-statement";
import { listDocumentEntries } from "@/lib/services/list-document-entries";
import { listOwnDocuments } from "@/lib/services/list-own-documents";
import { verifyDocument } from "@/lib/services/verify-document";
import { postJournal } from "@/lib/services/post-journals";
import { createInsured, createReferenceData, type Funds, fund, truncateAll } from "@/tests/factories";
import { failureOf } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;

const key = deriveVerificationKey("integration-verify-secret-0123456789abcdef");
const NOW = new Date("2026-11-28T04:00:00Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

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

async function insured(name: string) {
  const { person, account } = await createInsured(db, { agencyId, unitId, name, startMonth: "2020-03" });
  return { personId: person.id, accountId: account!.id, idNumber: person.idNumber };
}

async function spend(accountId: number, amountFen: bigint, occurredAt: Date, key: string) {
  await postJournal(db, {
    idempotencyKey: key,
    description: "门诊",
    occurredAt,
    lines: [
      { accountId, amountFen: -amountFen, kind: "OUTPATIENT" },
      { accountId: funds["FUND-POOLED"], amountFen, kind: "OUTPATIENT" },
    ],
  });
}

async function credit(accountId: number, amountFen: bigint, occurredAt: Date, key: string) {
  await postJournal(db, {
    idempotencyKey: key,
    description: "月度划入",
    occurredAt,
    lines: [
      { accountId, amountFen, kind: "MONTHLY_CREDIT" },
      { accountId: funds["FUND-POOLED"], amountFen: -amountFen, kind: "MONTHLY_CREDIT" },
    ],
  });
}

async function auditRows(action: string) {
  return db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" }, select: { actorId: true, subjectPersonId: true, details: true, actorType: true } });
}

describe("proof of insurance", () => {
  it("snapshots category, enrolment period and status, masked, and verifies with the printed code", async () => {
    const a = await insured("李明");
    const { id, code } = await issueProof(db, { personId: a.personId, key, now: NOW });
    expect(code).toMatch(/^P[0-9A-Z]{3}(-[0-9A-Z]{4}){4}$/);

    const own = await getOwnDocument(db, { personId: a.personId, documentId: id, kind: "PROOF", now: NOW });
    expect(own.facts).toMatchObject({
      name: "李明",
      maskedIdNumber: `${a.idNumber.slice(0, 6)}********${a.idNumber.slice(-4)}`,
      category: "EMPLOYEE_UNIT",
      benefitStatus: "NORMAL",
      enrolments: [{ category: "EMPLOYEE_UNIT", from: "2020-03", to: null, unitName: "测试单位" }],
      asOf: "2026-11-28",
    });
    expect(JSON.stringify(own.facts)).not.toContain(a.idNumber);
    expect(own.expiresAt.toISOString()).toBe("2027-02-26T04:00:00.000Z");
    expect(await auditRows("ISSUE_PROOF")).toMatchObject([{ actorId: String(a.personId), subjectPersonId: a.personId }]);

    const verified = await verifyDocument(db, { input: code.toLowerCase().replaceAll("-", " "), key, now: days(1), ip: "10.0.0.9" });
    expect(verified).toMatchObject({ status: "GENUINE", kind: "PROOF", code, maskedName: "李*" });
    if (verified.status !== "GENUINE" || verified.kind !== "PROOF") throw new Error("expected a genuine proof");
    expect(verified.facts).not.toHaveProperty("name");
    expect(verified.facts).not.toHaveProperty("personalNumber");
    expect(await auditRows("VERIFY_DOCUMENT")).toMatchObject([
      { actorType: "PUBLIC", subjectPersonId: a.personId, details: { documentId: id, kind: "PROOF", outcome: "GENUINE" } },
    ]);
  });

  it("another person's proof id is NOT_FOUND, the same as an id that does not exist, and both are audited", async () => {
    const a = await insured("李明");
    const b = await insured("王秀英");
    const { id } = await issueProof(db, { personId: a.personId, key, now: NOW });

    const foreign = await failureOf(getOwnDocument(db, { personId: b.personId, documentId: id, kind: "PROOF", now: NOW }));
    const missing = await failureOf(getOwnDocument(db, { personId: b.personId, documentId: id + 999, kind: "PROOF", now: NOW }));
    const wrongKind = await failureOf(getOwnDocument(db, { personId: a.personId, documentId: id, kind: "STATEMENT", now: NOW }));
    for (const e of [foreign, missing, wrongKind]) expect(e).toMatchObject({ code: "NOT_FOUND", message: "未找到该文件" });

    const rows = await auditRows("DOCUMENT_NOT_FOUND");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ actorId: String(b.personId), subjectPersonId: a.personId });
    expect(rows[1]).toMatchObject({ actorId: String(b.personId), subjectPersonId: null });
    expect(await listOwnDocuments(db, { personId: b.personId, kind: "PROOF" })).toEqual([]);
  });
});

describe("verification", () => {
  it("refuses a changed character, an invented code and a genuine-looking code never issued, without an audit row", async () => {
    const a = await insured("李明");
    const { code } = await issueProof(db, { personId: a.personId, key, now: NOW });
    const canonical = normalizeCode(code)!;
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (const index of [0, 4, 10, 19]) {
      const chars = [...canonical];
      chars[index] = alphabet[(alphabet.indexOf(chars[index]!) + 7) % 32]!;
      const result = await verifyDocument(db, { input: formatCode(chars.join("")), key, now: NOW });
      expect(result).toMatchObject({ status: "REFUSED", reason: "SIGNATURE" });
    }
    expect(await verifyDocument(db, { input: "PABC-DEFG-HJKM-NPQR-STVW", key, now: NOW })).toMatchObject({ status: "REFUSED", reason: "SIGNATURE" });
    expect(await verifyDocument(db, { input: "P123", key, now: NOW })).toMatchObject({ status: "REFUSED", reason: "FORMAT" });
    // Correctly signed (someone holding the key) but not in the table: still refused.
    expect(await verifyDocument(db, { input: issueCode("PROOF", key), key, now: NOW })).toMatchObject({ status: "REFUSED", reason: "UNKNOWN" });
    // A code from a server with another secret is not ours.
    const otherKey = deriveVerificationKey("some-other-deployment-secret-0123456789");
    expect(await verifyDocument(db, { input: code, key: otherKey, now: NOW })).toMatchObject({ status: "REFUSED", reason: "SIGNATURE" });
    expect(await auditRows("VERIFY_DOCUMENT")).toEqual([]);
  });

  it("accepts a code until it expires after 90 days, then refuses it with the dates", async () => {
    const a = await insured("李明");
    const { code } = await issueProof(db, { personId: a.personId, key, now: NOW });
    expect(await verifyDocument(db, { input: code, key, now: days(89) })).toMatchObject({ status: "GENUINE" });
    const expired = await verifyDocument(db, { input: code, key, now: days(90) });
    expect(expired).toMatchObject({ status: "EXPIRED", kind: "PROOF", expiresAt: days(90) });
    expect(expired.status === "EXPIRED" && expired.message).toMatch(/过期/);
    expect(expired).not.toHaveProperty("facts");
    const own = await getOwnDocument(db, { personId: a.personId, documentId: (await listOwnDocuments(db, { personId: a.personId, kind: "PROOF" }))[0]!.id, kind: "PROOF", now: days(90) });
    expect(own.expired).toBe(true);
  });
});

describe("printable statement", () => {
  it("holds the year's figures from the ledger, lists exactly the entries up to issue, and verifies", async () => {
    const a = await insured("李明");
    await credit(a.accountId, 20_000n, new Date("2025-06-10T04:00:00Z"), "credit-2025");
    await spend(a.accountId, 12_345n, new Date("2025-12-20T04:00:00Z"), "spend-2025");
    await fund(db, funds, a.accountId, 50_000n, "fund-2026");
    await credit(a.accountId, 30_000n, new Date("2026-02-10T04:00:00Z"), "credit-2026");
    await spend(a.accountId, 4_500n, new Date("2026-03-01T04:00:00Z"), "spend-2026");

    // 2025 ends at 200.00 − 123.45 = 76.55; 2026 adds 500.00 (fund() posts on 2026-01-10) + 300.00 and spends 45.00.
    const { id, code } = await issueStatement(db, { personId: a.personId, year: 2026, key, now: NOW });
    const doc = await getOwnDocument(db, { personId: a.personId, documentId: id, kind: "STATEMENT", now: NOW });
    const balance = (await db.account.findUniqueOrThrow({ where: { id: a.accountId } })).balanceFen;
    expect(doc.facts).toMatchObject({
      year: 2026,
      from: "2026-01-01",
      to: "2026-11-28",
      carriedOverFen: 7_655,
      creditedFen: 80_000,
      spentFen: 4_500,
      entryCount: 3,
    });
    expect(BigInt(doc.facts.closingFen)).toBe(balance);

    // An entry after issue is not on the printed statement.
    await spend(a.accountId, 1_000n, new Date("2026-11-28T05:00:00Z"), "spend-after");
    const printed = await listDocumentEntries(db, { personId: a.personId, facts: doc.facts });
    expect(printed.map((e) => e.amountFen)).toEqual([50_000n, 30_000n, -4_500n]);
    expect(printed.at(-1)!.balanceAfterFen).toBe(balance);

    const verified = await verifyDocument(db, { input: code, key, now: NOW });
    expect(verified).toMatchObject({ status: "GENUINE", kind: "STATEMENT", facts: { year: 2026, closingFen: Number(balance), entryCount: 3 } });
    expect(verified.status === "GENUINE" && verified.facts).not.toHaveProperty("lastEntryId");
  });

  it("refuses a future year, a year before the account's first entry, and a person without an account", async () => {
    const a = await insured("李明");
    await fund(db, funds, a.accountId, 10_000n, "credit");
    expect(await failureOf(issueStatement(db, { personId: a.personId, year: 2027, key, now: NOW }))).toMatchObject({ code: "INVALID_PARAMETER" });
    expect(await failureOf(issueStatement(db, { personId: a.personId, year: 2019, key, now: NOW }))).toMatchObject({
      code: "INVALID_PARAMETER",
      message: expect.stringContaining("2026"),
    });
    const { person } = await createInsured(db, { agencyId, unitId, withAccount: false });
    expect(await failureOf(issueStatement(db, { personId: person.id, year: 2026, key, now: NOW }))).toMatchObject({ code: "NO_ACCOUNT" });
    expect(await db.verificationDocument.count()).toBe(0);
  });
});
