/**
 * The restricted role the web app connects as (prisma/sql/app-role.sql, issue 9 item 9), on a fresh
 * database of its own: the services still post, settle and audit through it, while it cannot rewrite,
 * delete or truncate the ledger and the audit trail, nor switch their triggers off.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/services/check-audit-chain";
import { checkLedger } from "@/lib/services/check-ledger";
import { postJournal } from "@/lib/services/post-journals";
import { settle } from "@/lib/services/settle";
import { APP_ROLE, applyAppRoleGrants, ensureAppRole } from "@/scripts/lib/app-role";
import { freshDatabase } from "@/scripts/lib/test-db";
import { createInstitution, createInsured, createReferenceData, type Funds, fund } from "@/tests/factories";
import { balanceOf } from "./helpers";

const APPEND_ONLY = ["postings", "entries", "audit_logs"];
const NO_DELETE = [
  "accounts",
  "settlements",
  "unit_months",
  "contribution_lines",
  "unit_payments",
  "payment_allocations",
  "credit_runs",
];

let ownerUrl: string;
let owner: Db;
let app: Db;
let appClient: pg.Client;
let funds: Funds;
let accountId: number;
let personId: number;
let institution: { id: number; code: string; name: string };

beforeAll(async () => {
  const base = new URL(inject("databaseUrl"));
  ownerUrl = await freshDatabase(
    {
      urlFor: (name) => Object.assign(new URL(base), { pathname: `/${name}` }).toString(),
      stop: async () => {},
    },
    "portal_it_app_role",
  );
  owner = createDb(ownerUrl);
  const reference = await createReferenceData(owner);
  funds = reference.funds;
  const insured = await createInsured(owner, { agencyId: reference.agencyId, unitId: reference.unitId });
  accountId = insured.account!.id;
  personId = insured.person.id;
  institution = (await createInstitution(owner, { code: "H50010399", name: "测试医院" })).institution;
  await fund(owner, funds, accountId, 10_000n);
  await owner.auditLog.create({ data: { actorType: "SYSTEM", action: "TEST_BEFORE_ROLE" } });

  const appUrl = await ensureAppRole(ownerUrl);
  app = createDb(appUrl);
  appClient = new pg.Client({ connectionString: appUrl });
  await appClient.connect();
});

afterAll(async () => {
  await appClient?.end();
  await app?.$disconnect();
  await owner?.$disconnect();
});

/** The SQLSTATE and message a statement run as portal_app fails with (null when it succeeds). */
async function refusal(sql: string): Promise<{ code: string; message: string } | null> {
  try {
    await appClient.query(sql);
    return null;
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code ?? "", message: e.message };
  }
}

async function privileges(): Promise<Record<string, string[]>> {
  const rows = await owner.$queryRaw<{ table: string; privileges: string[] }[]>`
    SELECT c.relname AS table,
           array(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) AS p
                 WHERE has_table_privilege(${APP_ROLE}, c.oid, p)) AS privileges
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`;
  return Object.fromEntries(rows.map((r) => [r.table, r.privileges]));
}

describe("portal_app, the role the app connects as", () => {
  it("is a plain login role, not the owner of anything and not a superuser", async () => {
    const { rows } = await appClient.query(
      `SELECT current_user AS user, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      user: APP_ROLE,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owned: 0,
    });
  });

  it("has exactly the designed table privileges: append-only ledger and audit, no DELETE on money tables", async () => {
    const table = await privileges();
    for (const [name, granted] of Object.entries(table)) {
      if (name === "_prisma_migrations") expect(granted, name).toEqual([]);
      else if (APPEND_ONLY.includes(name)) expect(granted, name).toEqual(["SELECT", "INSERT"]);
      else if (NO_DELETE.includes(name)) expect(granted, name).toEqual(["SELECT", "INSERT", "UPDATE"]);
      else expect(granted, name).toEqual(["SELECT", "INSERT", "UPDATE", "DELETE"]);
    }
    expect(Object.keys(table)).toEqual(expect.arrayContaining([...APPEND_ONLY, ...NO_DELETE, "persons"]));
  });

  it("keeps the same privileges when the role SQL is applied again (idempotent)", async () => {
    const before = await privileges();
    await applyAppRoleGrants(ownerUrl);
    await ensureAppRole(ownerUrl);
    expect(await privileges()).toEqual(before);
  });

  it("posts journals through postJournals: postings and entries inserted, the account balance updated", async () => {
    const result = await postJournal(app, {
      idempotencyKey: "app-role:credit:1",
      description: "以应用角色记账",
      occurredAt: new Date("2026-03-01T04:00:00Z"),
      lines: [
        { accountId, amountFen: 2_500n, kind: "MONTHLY_CREDIT" },
        { accountId: funds["FUND-POOLED"], amountFen: -2_500n, kind: "MONTHLY_CREDIT" },
      ],
    });
    expect(result.replayed).toBe(false);
    expect(result.entries.map((e) => e.balanceAfterFen)).toEqual([12_500n, -12_500n]);
    expect(await balanceOf(owner, accountId)).toBe(12_500n);
    expect(await owner.entry.count({ where: { postingId: result.postingId } })).toBe(2);
    const replay = await postJournal(app, {
      idempotencyKey: "app-role:credit:1",
      description: "以应用角色记账",
      occurredAt: new Date("2026-03-01T04:00:00Z"),
      lines: [
        { accountId, amountFen: 2_500n, kind: "MONTHLY_CREDIT" },
        { accountId: funds["FUND-POOLED"], amountFen: -2_500n, kind: "MONTHLY_CREDIT" },
      ],
    });
    expect(replay).toMatchObject({ replayed: true, postingId: result.postingId });
  });

  it("settles a visit (advisory lock, account rows locked FOR UPDATE, settlement row inserted)", async () => {
    const result = await settle(
      app,
      {
        institutionId: institution.id,
        institutionCode: institution.code,
        institutionName: institution.name,
        settlementNo: "APP-ROLE-1",
        personId,
        cardNumber: null,
        serviceDate: "2026-03-09",
        kind: "PHARMACY",
        channel: "VOUCHER",
        totalFen: 3_000n,
        fundPayableFen: 0n,
        selfPayFen: 3_000n,
      },
      new Date("2026-03-10T04:00:00Z"),
    );
    expect(result).toMatchObject({ replayed: false, ownAccountFen: 3_000n, cashFen: 0n });
    expect(await balanceOf(owner, accountId)).toBe(9_500n);
  });

  it("appends audit rows: the hash-chain trigger runs as portal_app and the chain stays intact", async () => {
    const row = await app.auditLog.create({
      data: { actorType: "STAFF", actorId: "1", action: "TEST_AS_APP", reason: "测试" },
    });
    const stored = await owner.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.hash).not.toBeNull();
    expect(stored.prevHash).not.toBeNull();
    const chain = await checkAuditChain(app);
    expect(chain).toMatchObject({ ok: true, rows: 2 });
  });

  it.each(APPEND_ONLY)(
    "cannot UPDATE, DELETE or TRUNCATE %s: permission denied (42501) before any trigger",
    async (table) => {
      const column =
        table === "audit_logs"
          ? "action = 'X'"
          : table === "entries"
            ? "amount_fen = amount_fen * 2"
            : "description = 'X'";
      for (const sql of [
        `UPDATE ${table} SET ${column}`,
        `DELETE FROM ${table}`,
        `TRUNCATE ${table} CASCADE`,
      ]) {
        const error = await refusal(sql);
        expect(error, sql).toEqual({ code: "42501", message: `permission denied for table ${table}` });
      }
    },
  );

  it.each(NO_DELETE)("cannot DELETE from %s (42501)", async (table) => {
    expect(await refusal(`DELETE FROM ${table}`)).toEqual({
      code: "42501",
      message: `permission denied for table ${table}`,
    });
  });

  it("cannot switch the guards off: no DISABLE TRIGGER, no replica mode, no DDL, no sequence reset, no migration table", async () => {
    const refused = {
      disableTrigger: await refusal("ALTER TABLE entries DISABLE TRIGGER entries_append_only"),
      replica: await refusal("SET session_replication_role = replica"),
      dropTrigger: await refusal("DROP TRIGGER audit_logs_chain ON audit_logs"),
      createTable: await refusal("CREATE TABLE intruder (id int)"),
      setval: await refusal("SELECT setval('entries_id_seq', 1)"),
      migrations: await refusal("SELECT * FROM _prisma_migrations"),
      createRole: await refusal("CREATE ROLE intruder SUPERUSER"),
    };
    for (const [what, error] of Object.entries(refused)) expect(error?.code, what).toBe("42501");
  });

  it("gets the app's privileges on tables created by later migrations (default privileges)", async () => {
    await owner.$executeRawUnsafe("CREATE TABLE later_table (id serial PRIMARY KEY, note text)");
    try {
      expect((await privileges()).later_table).toEqual(["SELECT", "INSERT", "UPDATE", "DELETE"]);
      expect(await refusal("INSERT INTO later_table (note) VALUES ('ok')")).toBeNull();
    } finally {
      await owner.$executeRawUnsafe("DROP TABLE later_table");
    }
  });

  it("leaves a clean ledger after all of the above", async () => {
    expect((await checkLedger(owner)).ok).toBe(true);
    expect(await owner.posting.count()).toBe(3);
  });
});
