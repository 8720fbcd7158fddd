/**
 * The demo dataset loaded through the posting service must leave a ledger that passes the same check
 * as production, with the fixed demo person's account consistent with its entries.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { checkStaffPassword, signInPerson, signInStaff, verifyStaffSecondFactor } from "@/lib/services/sign-in";
import { currentTotp } from "@/lib/services/totp";
import { DEMO_STAFF_TOTP } from "@/prisma/seed/demo-staff-totp";
import { seedDemo } from "@/prisma/seed/load";
import { truncateAll } from "@/tests/factories";
import { balanceOf, entriesSum } from "./helpers";

let db: Db;
let seeded: { persons: number; postings: number };

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  await truncateAll(db);
  seeded = await seedDemo(db, { persons: 40 });
});

afterAll(async () => {
  await db.$disconnect();
});

describe("seedDemo({ persons: 40 })", () => {
  it("loads 40 persons and a ledger that checks clean", async () => {
    expect(seeded.persons).toBe(40);
    expect(await db.person.count()).toBe(40);
    const report = await checkLedger(db);
    expect(report.postings).toBeGreaterThan(0);
    expect(report.postings).toBe(seeded.postings);
    expect(report.entries).toBeGreaterThanOrEqual(2 * report.postings);
    expect(report).toMatchObject({
      ok: true,
      totalFen: 0n,
      accountMismatches: [],
      unbalancedPostings: [],
      negativePersonalAccounts: 0,
    });
  });

  it("gives the demo person on card A10000001 a funded personal account equal to its entries", async () => {
    const card = await db.card.findUniqueOrThrow({
      where: { cardNumber: "A10000001" },
      select: { person: { select: { id: true, name: true, account: { select: { id: true, kind: true } } } } },
    });
    expect(card.person.name).toBe("李明");
    const account = card.person.account!;
    expect(account.kind).toBe("PERSONAL");

    const balance = await balanceOf(db, account.id);
    expect(balance).toBeGreaterThan(0n);
    expect(balance).toBe(await entriesSum(db, account.id));
    const last = await db.entry.findFirstOrThrow({
      where: { accountId: account.id },
      orderBy: { id: "desc" },
    });
    expect(last.balanceAfterFen).toBe(balance);
    const kinds = await db.entry.groupBy({ by: ["kind"], where: { accountId: account.id } });
    expect(kinds.map((k) => k.kind)).toContain("MONTHLY_CREDIT");
  });

  it("lets the demo person and demo staff sign in with their documented passwords", async () => {
    const person = await signInPerson(db, { loginId: "A10000001", password: "demo-person-1" });
    expect(person).toMatchObject({ role: "person", name: "李明", mustChangePassword: false });
    // S0001 and S0002 have the README's TOTP secret: the password step asks for the code.
    const first = await checkStaffPassword(db, { staffNumber: "S0001", password: "demo-staff-1" });
    expect(first).toMatchObject({ needsTotp: true, principal: { role: "staff", name: "刘芳" } });
    const code = await currentTotp(DEMO_STAFF_TOTP.S0001!);
    const staff = await verifyStaffSecondFactor(db, { challenge: { staffId: first.principal.id, sessionVersion: 0 }, code });
    expect(staff).toMatchObject({ role: "staff", name: "刘芳" });
    // S0003 has no second factor yet (to show enrolment).
    expect(await signInStaff(db, { staffNumber: "S0003", password: "demo-staff-3" })).toMatchObject({ role: "staff" });
  });
});
