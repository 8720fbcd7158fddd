/**
 * Large datasets (issue 8): `npm run seed -- --persons 100000`.
 *
 * The first DEMO_PREFIX persons are loaded by seedDemo through the production services, so every demo
 * account and story in the README exists unchanged. Everyone after them is played through the same
 * 24 months here, in the process, and written with COPY: the same rules (lib/domain contribution,
 * credit, benefit-status and self-pay rules), the same idempotency keys, payload hashes, descriptions
 * and memos the services write, and a running balance per account, so `npm run ledger:check` is clean
 * and a later replay of any key through the services is recognised.
 *
 * Simplifications, all on the safe side of the rules: bulk units pay every month on the 25th (the
 * arrears and late-payment stories live in the demo prefix), nobody in the bulk part is linked, and
 * bulk persons whose generated unit belongs to the demo prefix are moved to a bulk unit, so the demo
 * units' declarations stay exactly as the services made them.
 *
 * Speed: secondary indexes of the big tables are dropped first and rebuilt at the end (one sort per
 * index instead of 20 million random inserts); primary keys, foreign keys and CHECKs stay on.
 */
import { from as copyFrom } from "pg-copy-streams";
import pg from "pg";
import { type BenefitInput, benefitStatusCode } from "@/lib/domain/benefit-status";
import { unitEmployeeContribution } from "@/lib/domain/contributions";
import { retireeMonthlyMovement } from "@/lib/domain/credits";
import { cstNoon } from "@/lib/domain/dates";
import { addMonths, monthParts, monthRange } from "@/lib/domain/month";
import { splitSelfPay } from "@/lib/domain/settlement";
import type { Db } from "@/lib/db/client";
import { inServiceExplanation } from "@/lib/services/run-monthly-credit";
import { type JournalInput, type JournalLine, journalPayloadHash } from "@/lib/services/post-journals";
import { hashPassword } from "@/lib/services/passwords";
import { fundAccountIds } from "@/lib/services/system-accounts";
import { type DemoPerson, type DemoUnit, generateDemo, settlementEvents } from "./generate";
import { HISTORY_FROM, HISTORY_TO, hasPersonalAccount, OPENING_DATE, openingBalanceFen, retirementMonth, seedDemo } from "./load";

/** Password of every clerk of a bulk unit (user clerk1): the demo units keep demo-clerk-N. */
export const BULK_CLERK_PASSWORD = "demo-clerk-bulk";

/** Persons loaded through the services (the README's demo accounts and stories live here). */
export const DEMO_PREFIX = 200;

const ENTRY_KIND = { PHARMACY: "PHARMACY", OUTPATIENT: "OUTPATIENT", INPATIENT: "INPATIENT_SELF_PAY" } as const;
const KIND_TEXT = { PHARMACY: "购药", OUTPATIENT: "门诊", INPATIENT: "住院" } as const;

/** Tables whose secondary indexes are rebuilt after the load. */
const BULK_TABLES = ["entries", "postings", "settlements", "contribution_lines", "payment_allocations", "unit_payments"];

// ---------------------------------------------------------------------------------------------------
// COPY in text format

function field(v: string | number | bigint | boolean | null): string {
  if (v === null) return "\\N";
  if (typeof v !== "string") return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

class CopyBuffer {
  private rows: string[] = [];
  count = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}
  add(...values: (string | number | bigint | boolean | null)[]): void {
    this.rows.push(values.map(field).join("\t"));
    this.count++;
  }
  get size(): number {
    return this.rows.length;
  }
  async flush(client: pg.Client): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    const stream = client.query(copyFrom(`COPY ${this.table} (${this.columns.join(", ")}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      const CHUNK = 5_000;
      let i = 0;
      const pump = () => {
        while (i < rows.length) {
          const chunk = `${rows.slice(i, i + CHUNK).join("\n")}\n`;
          i += CHUNK;
          if (!stream.write(chunk)) {
            stream.once("drain", pump);
            return;
          }
        }
        stream.end();
      };
      pump();
    });
  }
}

// ---------------------------------------------------------------------------------------------------

interface BulkPerson {
  p: DemoPerson;
  id: number;
  accountId: number | null;
  unitId: number | null;
  retiredFrom: string | null;
  benefit: BenefitInput;
}

export interface BulkReport {
  persons: number;
  postings: number;
  entries: number;
  settlements: number;
  seconds: number;
}

async function nextIds(client: pg.Client) {
  const tables = [
    "persons",
    "enrolments",
    "cards",
    "accounts",
    "units",
    "unit_clerks",
    "unit_months",
    "contribution_lines",
    "postings",
    "entries",
    "settlements",
    "unit_payments",
    "payment_allocations",
  ] as const;
  const out = {} as Record<(typeof tables)[number], number>;
  for (const t of tables) {
    const { rows } = await client.query<{ m: string | null }>(`SELECT max(id)::text AS m FROM ${t}`);
    out[t] = Number(rows[0]!.m ?? 0) + 1;
  }
  return out;
}

/**
 * Seeds `persons` persons: the first DEMO_PREFIX through seedDemo (services), the rest in bulk.
 * `url` is the same database as `database`, used for COPY over a plain pg connection.
 */
export async function seedBulk(
  database: Db,
  url: string,
  options: { persons: number; log?: (line: string) => void },
): Promise<BulkReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} 秒`;
  await seedDemo(database, { persons: Math.min(DEMO_PREFIX, options.persons), log });
  if (options.persons <= DEMO_PREFIX) {
    const postings = await database.posting.count();
    return { persons: options.persons, postings, entries: await database.entry.count(), settlements: await database.settlement.count(), seconds: (Date.now() - started) / 1000 };
  }

  const data = generateDemo({ persons: options.persons });
  const prefixUnits = new Set(generateDemo({ persons: DEMO_PREFIX }).units.map((u) => u.unitNumber));
  const bulkUnits = data.units.filter((u) => !prefixUnits.has(u.unitNumber));
  const bigUnit = data.units.find((u) => u.employees >= 10_000);
  const spreadUnits = bulkUnits.filter((u) => u !== bigUnit);
  log(`批量部分:${options.persons - DEMO_PREFIX} 名参保人,${bulkUnits.length} 个单位`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '1GB'");
    const ids = await nextIds(client);
    const funds = await fundAccountIds(database);
    const fundBalance = new Map<number, number>();
    for (const a of await database.account.findMany({ where: { personId: null }, select: { id: true, balanceFen: true } })) {
      fundBalance.set(a.id, Number(a.balanceFen));
    }
    const agencies = new Map((await database.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
    const institutions = new Map(
      (await database.institution.findMany({ select: { id: true, code: true, name: true } })).map((i) => [i.code, i]),
    );

    // Drop the secondary indexes of the big tables; rebuilt at the end.
    const { rows: indexRows } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [BULK_TABLES],
    );
    for (const r of indexRows) await client.query(`DROP INDEX "${r.indexname}"`);
    // Foreign keys of the big tables too: checked row by row, each check locks the referenced row
    // (FOR KEY SHARE), which made the load slow down month after month. Re-adding them at the end
    // validates every row in one join.
    const { rows: fkRows } = await client.query<{ table: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
      [BULK_TABLES],
    );
    for (const f of fkRows) await client.query(`ALTER TABLE ${f.table} DROP CONSTRAINT "${f.name}"`);

    // Units and clerks -------------------------------------------------------------------------
    const unitId = new Map<string, number>();
    const units = new CopyBuffer("units", ["id", "unit_number", "name", "credit_code", "district_code", "agency_id"]);
    for (const u of bulkUnits) {
      const id = ids.units++;
      unitId.set(u.unitNumber, id);
      units.add(id, u.unitNumber, u.name, u.creditCode, u.districtCode, agencies.get(u.agencyCode)!);
    }
    await units.flush(client);
    const clerks = new CopyBuffer("unit_clerks", ["id", "unit_id", "username", "name", "password_hash"]);
    // One argon2 hash for all bulk clerks (5,000 separate hashes would take minutes): see BULK_CLERK_PASSWORD.
    const bulkClerks = data.clerks.filter((c) => unitId.has(c.unitNumber));
    const clerkHash = await hashPassword(BULK_CLERK_PASSWORD);
    for (const c of bulkClerks) clerks.add(ids.unit_clerks++, unitId.get(c.unitNumber)!, c.username, c.name, clerkHash);
    await clerks.flush(client);
    log(`单位 ${bulkUnits.length} 个,经办人 ${bulkClerks.length} 名(${elapsed()})`);

    // Persons, enrolments, cards, accounts -----------------------------------------------------
    const persons: BulkPerson[] = [];
    const personsCopy = new CopyBuffer("persons", [
      "id", "id_number", "personal_number", "name", "gender", "birth_date", "phone", "district_code", "category", "tier",
      "employment_status", "retired_from", "unit_id", "agency_id",
    ]);
    const enrolments = new CopyBuffer("enrolments", ["id", "person_id", "category", "tier", "unit_id", "start_month"]);
    const cards = new CopyBuffer("cards", ["id", "card_number", "person_id", "status", "issued_at"]);
    const accounts = new CopyBuffer("accounts", ["id", "code", "kind", "name", "person_id", "balance_fen"]);
    const accountBalance = new Map<number, number>();
    for (const p of data.persons.slice(DEMO_PREFIX)) {
      let unitNumber = p.unitNumber;
      if (unitNumber !== null && prefixUnits.has(unitNumber)) unitNumber = spreadUnits[(p.index * 2_654_435_761) % spreadUnits.length]!.unitNumber;
      const person: DemoPerson = { ...p, unitNumber };
      const id = ids.persons++;
      const uid = unitNumber === null ? null : unitId.get(unitNumber)!;
      const retiredFrom = p.employmentStatus === "RETIRED" ? retirementMonth(p) : null;
      const accountId = hasPersonalAccount(p) ? ids.accounts++ : null;
      personsCopy.add(
        id, p.idNumber, p.personalNumber, p.name, p.gender, p.birthDate, p.phone, p.districtCode, p.category, p.tier,
        p.employmentStatus, retiredFrom, uid, agencies.get(p.agencyCode)!,
      );
      enrolments.add(ids.enrolments++, id, p.category, p.tier, uid, `${p.enrolmentStart}-01`);
      cards.add(ids.cards++, p.cardNumber, id, "ACTIVE", `${p.enrolmentStart}-01`);
      if (accountId !== null) {
        accountBalance.set(accountId, 0);
        accounts.add(accountId, `P${p.personalNumber}`, "PERSONAL", `${p.name} 个人账户`, id, 0);
      }
      persons.push({
        p: person,
        id,
        accountId,
        unitId: uid,
        retiredFrom,
        benefit: {
          enrolments: [{ category: p.category, startMonth: p.enrolmentStart, endMonth: null, gapPaid: false }],
          contributions: [],
          retiredFrom,
        },
      });
    }
    await personsCopy.flush(client);
    await enrolments.flush(client);
    await cards.flush(client);
    await accounts.flush(client);
    log(`参保人 ${persons.length} 名(${elapsed()})`);

    // The ledger, month by month ---------------------------------------------------------------
    const postings = new CopyBuffer("postings", ["id", "idempotency_key", "payload_hash", "description", "occurred_at", "meta"]);
    const entries = new CopyBuffer("entries", [
      "id", "posting_id", "account_id", "kind", "amount_fen", "balance_after_fen", "occurred_at", "memo", "counterparty_person_id",
    ]);
    const settlements = new CopyBuffer("settlements", [
      "id", "institution_id", "settlement_no", "person_id", "service_date", "kind", "channel", "total_fen", "fund_payable_fen",
      "self_pay_fen", "fund_paid_fen", "own_account_fen", "linked_account_fen", "cash_fen", "linkage_id", "benefit_status", "posting_id",
    ]);
    const unitMonths = new CopyBuffer("unit_months", ["id", "unit_id", "month", "employees", "due_fen", "paid_fen", "paid_up_at", "declared_at"]);
    const lines = new CopyBuffer("contribution_lines", [
      "id", "unit_month_id", "person_id", "month", "base_fen", "unit_basic_fen", "employee_basic_fen", "unit_mutual_aid_fen",
      "employee_mutual_aid_fen", "ltc_fund_fen", "ltc_account_fen", "due_fen",
    ]);
    const payments = new CopyBuffer("unit_payments", ["id", "unit_id", "reference", "received_at", "amount_fen", "unallocated_fen", "posting_id"]);
    const allocations = new CopyBuffer("payment_allocations", ["id", "payment_id", "unit_month_id", "amount_fen"]);

    const balanceOf = (accountId: number) => accountBalance.get(accountId) ?? fundBalance.get(accountId)!;
    const post = (journal: JournalInput): number => {
      const postingId = ids.postings++;
      const at = journal.occurredAt.toISOString();
      postings.add(postingId, journal.idempotencyKey, journalPayloadHash(journal), journal.description, at, journal.meta ? JSON.stringify(journal.meta) : null);
      for (const l of journal.lines) {
        const amount = Number(l.amountFen);
        const after = balanceOf(l.accountId) + amount;
        if (accountBalance.has(l.accountId)) {
          if (after < 0) throw new Error(`bulk seed: account ${l.accountId} would go below zero`);
          accountBalance.set(l.accountId, after);
        } else fundBalance.set(l.accountId, after);
        entries.add(ids.entries++, postingId, l.accountId, l.kind, amount, after, at, l.memo ?? null, l.counterpartyPersonId ?? null);
      }
      return postingId;
    };
    const flushLedger = async () => {
      for (const b of [unitMonths, lines, postings, entries, settlements, payments, allocations]) await b.flush(client);
    };

    // Openings
    for (const bp of persons) {
      if (bp.accountId === null || bp.p.enrolmentStart >= HISTORY_FROM) continue;
      const amountFen = openingBalanceFen(bp.p);
      post({
        idempotencyKey: `opening:${bp.p.personalNumber}`,
        description: "历史账户余额转入",
        occurredAt: cstNoon(OPENING_DATE),
        lines: [
          { accountId: bp.accountId, amountFen, kind: "TRANSFER_IN" },
          { accountId: funds["FUND-POOLED"], amountFen: -amountFen, kind: "TRANSFER_IN" },
        ],
      });
    }

    const employeesByUnit = new Map<number, BulkPerson[]>();
    for (const bp of persons) {
      if (bp.unitId === null || bp.p.employmentStatus !== "IN_SERVICE" || bp.p.category !== "EMPLOYEE_UNIT") continue;
      const list = employeesByUnit.get(bp.unitId) ?? [];
      list.push(bp);
      employeesByUnit.set(bp.unitId, list);
    }
    // This month's declared line per person (the credit run for it reads these).
    type Line = { unitMonthId: number; base: bigint; employeeBasic: bigint; ltcAccount: bigint };
    let linesOfMonth = new Map<number, Line>();
    const creditedPersons = persons.filter((bp) => bp.accountId !== null && bp.p.category === "EMPLOYEE_UNIT");

    const credit = (month: string, declared: Map<number, Line>) => {
      const { year, month: mm } = monthParts(month);
      const at = cstNoon(`${addMonths(month, 1)}-01`);
      for (const bp of creditedPersons) {
        if (bp.p.enrolmentStart > month) continue;
        const accountId = bp.accountId!;
        let movement: { unitMonthId: number | null; credit: bigint; mutualAid: bigint; ltc: bigint; explanation: string; base: bigint | null };
        if (bp.p.employmentStatus === "RETIRED" && (bp.retiredFrom === null || month >= bp.retiredFrom)) {
          const m = retireeMonthlyMovement(bp.p.birthDate, month);
          movement = { unitMonthId: null, credit: m.creditFen, mutualAid: m.mutualAidDeductionFen, ltc: m.ltcDeductionFen, explanation: m.explanation, base: m.baseFen };
        } else {
          const line = declared.get(bp.id);
          if (!line) continue;
          movement = {
            unitMonthId: line.unitMonthId,
            credit: line.employeeBasic,
            mutualAid: 0n,
            ltc: line.ltcAccount,
            explanation: inServiceExplanation(line.base, line.employeeBasic),
            base: line.base,
          };
        }
        const journalLines: JournalLine[] = [
          { accountId, amountFen: movement.credit, kind: "MONTHLY_CREDIT" },
          { accountId: funds["FUND-POOLED"], amountFen: -movement.credit, kind: "MONTHLY_CREDIT" },
        ];
        if (movement.mutualAid > 0n) {
          journalLines.push(
            { accountId, amountFen: -movement.mutualAid, kind: "MUTUAL_AID_DEDUCTION", memo: "大额医疗互助个人缴费" },
            { accountId: funds["FUND-MUTUAL-AID"], amountFen: movement.mutualAid, kind: "MUTUAL_AID_DEDUCTION" },
          );
        }
        if (movement.ltc > 0n) {
          journalLines.push(
            { accountId, amountFen: -movement.ltc, kind: "LTC_DEDUCTION", memo: "长期护理保险个人缴费" },
            { accountId: funds["FUND-LTC"], amountFen: movement.ltc, kind: "LTC_DEDUCTION" },
          );
        }
        post({
          idempotencyKey: `credit:${bp.p.personalNumber}:${month}:${movement.unitMonthId === null ? "retiree" : `u${movement.unitMonthId}`}`,
          description: `${year}年${mm}月 月度划入`,
          occurredAt: at,
          lines: journalLines,
          meta: { month, explanation: movement.explanation, baseFen: movement.base === null ? null : Number(movement.base) },
        });
      }
    };

    let settled = 0;
    let flushMs = 0;
    for (const month of monthRange(HISTORY_FROM, HISTORY_TO)) {
      // 1. Declarations (the 5th); every bulk unit pays on the 25th.
      const declared = new Map<number, Line>();
      const dues: { unitId: number; unitMonthId: number; dueFen: bigint }[] = [];
      const paidUpAt = cstNoon(`${month}-25`);
      for (const [uid, employees] of employeesByUnit) {
        const current = employees.filter((bp) => bp.p.enrolmentStart <= month);
        if (current.length === 0) continue;
        const unitMonthId = ids.unit_months++;
        let dueFen = 0n;
        for (const bp of current) {
          const c = unitEmployeeContribution(BigInt(bp.p.monthlyWageFen), month);
          dueFen += c.dueFen;
          lines.add(
            ids.contribution_lines++, unitMonthId, bp.id, month, c.baseFen, c.unitBasicFen, c.employeeBasicFen, c.unitMutualAidFen,
            c.employeeMutualAidFen, c.ltcFundFen, c.ltcAccountFen, c.dueFen,
          );
          declared.set(bp.id, { unitMonthId, base: c.baseFen, employeeBasic: c.employeeBasicFen, ltcAccount: c.ltcAccountFen });
          (bp.benefit.contributions as { month: string; paidUpAt: Date | null }[]).push({ month, paidUpAt });
        }
        unitMonths.add(unitMonthId, uid, month, current.length, dueFen, dueFen, paidUpAt.toISOString(), cstNoon(`${month}-05`).toISOString());
        dues.push({ unitId: uid, unitMonthId, dueFen });
      }
      // 2. Last month's crediting run (first day of this month).
      if (month > HISTORY_FROM) credit(addMonths(month, -1), linesOfMonth);
      linesOfMonth = declared;

      // 3. This month's settlements, in date order.
      const requests: { bp: BulkPerson; e: ReturnType<typeof settlementEvents>[number] }[] = [];
      for (const bp of persons) for (const e of settlementEvents(bp.p, month, month)) requests.push({ bp, e });
      requests.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : 0));
      for (const { bp, e } of requests) {
        const institution = institutions.get(e.institutionCode)!;
        const byVoucher = e.settlementNo.endsWith("7");
        const status = benefitStatusCode(bp.benefit, e.date);
        const fundPaidFen = status === "NORMAL" ? e.fundPayableFen : 0;
        const split = splitSelfPay({
          selfPayFen: BigInt(e.totalFen - fundPaidFen),
          ownBalanceFen: bp.accountId === null ? 0n : BigInt(accountBalance.get(bp.accountId)!),
        });
        const journalLines: JournalLine[] = [
          { accountId: funds["CLEARING-INSTITUTION"], amountFen: BigInt(e.totalFen), kind: ENTRY_KIND[e.kind] },
        ];
        if (split.ownAccountFen > 0n) journalLines.push({ accountId: bp.accountId!, amountFen: -split.ownAccountFen, kind: ENTRY_KIND[e.kind] });
        if (fundPaidFen > 0) journalLines.push({ accountId: funds["FUND-POOLED"], amountFen: BigInt(-fundPaidFen), kind: "FUND_PAYMENT" });
        if (split.cashFen > 0n) journalLines.push({ accountId: funds.CASH, amountFen: -split.cashFen, kind: "CASH_PAYMENT" });
        const postingId = post({
          idempotencyKey: `settle:${institution.code}:${e.settlementNo}`,
          description: `${institution.name} ${KIND_TEXT[e.kind]}`,
          occurredAt: cstNoon(e.date),
          lines: journalLines,
        });
        settlements.add(
          ids.settlements++, institution.id, e.settlementNo, bp.id, e.date, e.kind, byVoucher ? "VOUCHER" : "CARD", e.totalFen,
          e.fundPayableFen, e.selfPayFen, fundPaidFen, split.ownAccountFen, 0, split.cashFen, null, status, postingId,
        );
        settled++;
      }

      // 4. Unit payments (the 25th), each settling its own month.
      for (const d of dues) {
        if (d.dueFen <= 0n) continue;
        const unitNumber = bulkUnitNumber(bulkUnits, unitId, d.unitId);
        const reference = `TAX-${unitNumber}-${month}`;
        const postingId = post({
          idempotencyKey: `payment:${reference}`,
          description: "单位医保费到账",
          occurredAt: paidUpAt,
          lines: [
            { accountId: funds["CLEARING-COLLECTION"], amountFen: -d.dueFen, kind: "CONTRIBUTION" },
            { accountId: funds["FUND-POOLED"], amountFen: d.dueFen, kind: "CONTRIBUTION" },
          ],
        });
        const paymentId = ids.unit_payments++;
        payments.add(paymentId, d.unitId, reference, paidUpAt.toISOString(), d.dueFen, 0, postingId);
        allocations.add(ids.payment_allocations++, paymentId, d.unitMonthId, d.dueFen);
      }
      const generated = Date.now();
      await flushLedger();
      flushMs += Date.now() - generated;
      log(`${month}:批量结算累计 ${settled} 笔,记账 ${postings.count} 笔,分录 ${entries.count} 条(${elapsed()},写入 ${(flushMs / 1000).toFixed(1)} 秒)`);
    }
    credit(HISTORY_TO, linesOfMonth);

    await flushLedger();
    // Final balances: personal accounts from a temporary table in one UPDATE, the funds one by one.
    await client.query("CREATE TEMP TABLE bulk_balances (id int PRIMARY KEY, balance_fen bigint NOT NULL)");
    const balances = new CopyBuffer("bulk_balances", ["id", "balance_fen"]);
    for (const [id, balance] of accountBalance) balances.add(id, balance);
    for (const [id, balance] of fundBalance) balances.add(id, balance);
    await balances.flush(client);
    await client.query("UPDATE accounts a SET balance_fen = b.balance_fen, updated_at = now() FROM bulk_balances b WHERE a.id = b.id");
    log(`账本写入完成:记账 ${postings.count} 笔,分录 ${entries.count} 条(${elapsed()})`);

    for (const r of indexRows) await client.query(r.indexdef);
    log(`索引重建完成(${elapsed()})`);
    for (const f of fkRows) await client.query(`ALTER TABLE ${f.table} ADD CONSTRAINT "${f.name}" ${f.def}`);
    log(`外键已恢复并校验(${elapsed()})`);
    for (const t of [
      "persons", "enrolments", "cards", "accounts", "units", "unit_clerks", "unit_months", "contribution_lines", "postings", "entries",
      "settlements", "unit_payments", "payment_allocations",
    ]) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
    }
    await client.query("ANALYZE");
    log(`统计信息已更新(${elapsed()})`);
    return {
      persons: options.persons,
      postings: await database.posting.count(),
      entries: Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM entries")).rows[0]!.n),
      settlements: await database.settlement.count(),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

function bulkUnitNumber(units: readonly DemoUnit[], unitId: Map<string, number>, id: number): string {
  // unitId is filled in unit order with consecutive ids.
  const first = unitId.get(units[0]!.unitNumber)!;
  return units[id - first]!.unitNumber;
}
