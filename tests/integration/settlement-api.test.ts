/**
 * POST /api/v1/settlements through its route handler, called with a real Request against real Postgres:
 * the institution's key, the body's validation (Chinese messages, 400), the split as JSON numbers,
 * 201 then 200 on replay, 403 / 404 / 409 for the refusals, and never a 500.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { POST } from "@/app/api/v1/settlements/route";
import { createDb, type Db, db as appDb } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import {
  createInstitution,
  createInsured,
  createReferenceData,
  type Funds,
  fund,
  truncateAll,
} from "@/tests/factories";
import { balanceOf, ledgerCounts } from "./helpers";


let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;
let apiKey: string;
let institutionCode: string;
let otherKey: string;

beforeAll(() => {
  // The route uses the app's own client (lib/db/client db()), which reads DATABASE_URL once through
  // lib/env.ts: set it before the first request.
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
  await appDb().$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId, unitId } = await createReferenceData(db));
  const created = await createInstitution(db, { code: "H50010301", name: "重庆医科大学附属第一医院" });
  apiKey = created.apiKey!;
  institutionCode = created.institution.code;
  otherKey = (await createInstitution(db, { code: "P50010399", name: "和平药房" })).apiKey!;
});

async function insured(balanceFen = 0n) {
  const { person, account, card } = await createInsured(db, { agencyId, unitId });
  if (balanceFen > 0n) await fund(db, funds, account!.id, balanceFen);
  return { person, accountId: account!.id, cardNumber: card.cardNumber };
}

function body(cardNumber: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    institutionCode,
    settlementNo: "API-0001",
    cardNumber,
    serviceDate: "2026-03-09",
    kind: "outpatient",
    totalFen: 30_000,
    fundPayableFen: 10_000,
    selfPayFen: 20_000,
    channel: "card",
    ...overrides,
  };
}

async function post(payload: unknown, key: string | null = apiKey, raw = false) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await POST(
    new Request("http://localhost/api/v1/settlements", {
      method: "POST",
      headers,
      body: raw ? (payload as string) : JSON.stringify(payload),
    }),
  );
  expect(response.status).toBeLessThan(500);
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { error?: Record<string, unknown> },
  };
}

describe("POST /api/v1/settlements: authentication", () => {
  it("answers 401 without a key, with a malformed header and with an unknown key, and writes nothing", async () => {
    const { cardNumber } = await insured(5_000n);
    const counts = await ledgerCounts(db);

    const missing = await post(body(cardNumber), null);
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(String(missing.json.error!.message)).toContain("接口密钥");

    const wrong = await post(body(cardNumber), `${apiKey}x`);
    expect(wrong).toEqual({
      status: 401,
      json: { error: { code: "UNAUTHENTICATED", message: "接口密钥不正确" } },
    });
    expect((await post(body(cardNumber), "short")).status).toBe(401);

    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await db.settlement.count()).toBe(0);
  });

  it("answers 403 when the body names another institution than the key's", async () => {
    const { cardNumber } = await insured(5_000n);
    const wrongInstitution = await post(body(cardNumber), otherKey);
    expect(wrongInstitution.status).toBe(403);
    expect(wrongInstitution.json.error).toEqual({ code: "FORBIDDEN", message: "机构编码与接口密钥不符" });
    expect(await db.settlement.count()).toBe(0);
  });
});

describe("POST /api/v1/settlements: settling", () => {
  it("answers 201 with the split as JSON numbers, then 200 with the same split on replay", async () => {
    const { person, accountId, cardNumber } = await insured(5_000n);

    const created = await post(body(cardNumber));

    expect(created.status).toBe(201);
    const row = await db.settlement.findFirstOrThrow({ where: { settlementNo: "API-0001" } });
    expect(created.json).toEqual({
      settlementId: row.id,
      replayed: false,
      benefitStatus: "NORMAL",
      fundPaidFen: 10_000,
      ownAccountFen: 5_000,
      linkedAccountFen: 0,
      cashFen: 15_000,
    });
    expect(row).toMatchObject({
      personId: person.id,
      kind: "OUTPATIENT",
      channel: "CARD",
      serviceDate: new Date("2026-03-09T00:00:00Z"),
      totalFen: 30_000n,
      ownAccountFen: 5_000n,
      cashFen: 15_000n,
    });
    expect(await balanceOf(db, accountId)).toBe(0n);
    const counts = await ledgerCounts(db);

    const replay = await post(body(cardNumber));
    expect(replay).toEqual({ status: 200, json: { ...created.json, replayed: true } });
    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await db.settlement.count()).toBe(1);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("finds the person by ID number for a voucher settlement", async () => {
    const { person } = await insured(1_000n);
    const result = await post({
      ...body("", { cardNumber: undefined, channel: "voucher", kind: "pharmacy", settlementNo: "API-V1" }),
      idNumber: person.idNumber,
    });
    expect(result.status).toBe(201);
    expect(result.json).toMatchObject({ ownAccountFen: 1_000, cashFen: 19_000, fundPaidFen: 10_000 });
    expect((await db.settlement.findFirstOrThrow({ where: { settlementNo: "API-V1" } })).personId).toBe(
      person.id,
    );
  });

  it("answers 409 for the same number with another amount", async () => {
    const { cardNumber } = await insured(0n);
    expect((await post(body(cardNumber))).status).toBe(201);
    const counts = await ledgerCounts(db);
    const conflict = await post(body(cardNumber, { totalFen: 30_001, selfPayFen: 20_001 }));
    expect(conflict.status).toBe(409);
    expect(conflict.json.error).toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    expect(await ledgerCounts(db)).toEqual(counts);
  });

  it("answers 404 for an unknown card or ID number", async () => {
    await insured(0n);
    const unknownCard = await post(body("Z99999999"));
    expect(unknownCard.status).toBe(404);
    expect(unknownCard.json.error).toEqual({ code: "NOT_FOUND", message: "未找到该参保人" });
    const unknownId = await post({
      ...body("", { cardNumber: undefined, channel: "voucher" }),
      idNumber: "11010519491231002X",
    });
    expect(unknownId.status).toBe(404);
    expect(await db.settlement.count()).toBe(0);
  });

  it("answers 400 with the card refusal for a pre-lost card (code CARD_PRE_LOST)", async () => {
    const { cardNumber } = await insured(5_000n);
    await db.card.update({
      where: { cardNumber },
      data: {
        status: "PRE_LOST",
        preLostAt: new Date(),
        preLossExpiresAt: new Date(Date.now() + 5 * 86_400_000),
      },
    });
    const refused = await post(body(cardNumber));
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: "CARD_PRE_LOST" });
    expect(String(refused.json.error!.message)).toContain("医保电子凭证");
    expect(await db.settlement.count()).toBe(0);
  });
});

describe("POST /api/v1/settlements: bad bodies", () => {
  const chinese = /[\u4e00-\u9fff]/;

  async function expect400(payload: unknown, field?: string, raw = false) {
    const counts = await ledgerCounts(db);
    const result = await post(payload, apiKey, raw);
    expect(result.status).toBe(400);
    expect(result.json.error).toBeDefined();
    expect(String(result.json.error!.message)).toMatch(chinese);
    if (field) expect(result.json.error!.field).toBe(field);
    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await db.settlement.count()).toBe(0);
    return result.json.error!;
  }

  it("refuses missing fields", async () => {
    const { cardNumber } = await insured(0n);
    const { totalFen: _t, ...withoutTotal } = body(cardNumber);
    await expect400(withoutTotal, "totalFen");
    const { settlementNo: _s, ...withoutNumber } = body(cardNumber);
    await expect400(withoutNumber, "settlementNo");
    await expect400(body(cardNumber, { cardNumber: undefined }), "cardNumber");
    await expect400({}, undefined);
  });

  it("refuses fractional, negative, string and unsafe amounts", async () => {
    const { cardNumber } = await insured(0n);
    const fractional = await expect400(body(cardNumber, { totalFen: 300.5, selfPayFen: 200.5 }), "totalFen");
    expect(fractional.message).toBe("总金额必须是以分为单位的整数");
    await expect400(body(cardNumber, { selfPayFen: -1 }), "selfPayFen");
    await expect400(body(cardNumber, { totalFen: "300.00" }), "totalFen");
    await expect400(body(cardNumber, { totalFen: 2 ** 60 }), "totalFen");
  });

  it("refuses an unknown extra field", async () => {
    const { cardNumber } = await insured(0n);
    const error = await expect400(body(cardNumber, { discountFen: 100 }));
    expect(error.message).toContain("discountFen");
  });

  it("refuses totalFen ≠ fundPayableFen + selfPayFen (the service's INVALID_AMOUNT)", async () => {
    const { cardNumber } = await insured(5_000n);
    const error = await expect400(
      body(cardNumber, { totalFen: 30_000, fundPayableFen: 10_000, selfPayFen: 10_000 }),
      "totalFen",
    );
    expect(error).toEqual({
      code: "INVALID_AMOUNT",
      message: "统筹应付与个人自付之和必须等于总金额",
      field: "totalFen",
    });
  });

  it("refuses bad identifiers, dates, kinds and channels", async () => {
    const { cardNumber } = await insured(0n);
    await expect400(body("a1234567"), "cardNumber");
    await expect400(body(cardNumber, { serviceDate: "2026-02-30" }), "serviceDate");
    await expect400(body(cardNumber, { serviceDate: "09/03/2026" }), "serviceDate");
    await expect400(body(cardNumber, { serviceDate: "2999-01-01" }), "serviceDate");
    await expect400(body(cardNumber, { kind: "dental" }), "kind");
    await expect400(body(cardNumber, { channel: "cash" }), "channel");
    await expect400(body(cardNumber, { settlementNo: "含中文" }), "settlementNo");
    await expect400(
      body(cardNumber, { idNumber: "500103198805201234", cardNumber: undefined, channel: "voucher" }),
      "idNumber",
    );
  });

  it("refuses a body that is not JSON, or not an object", async () => {
    await insured(0n);
    await expect400("{not json", undefined, true);
    await expect400([1, 2, 3]);
    await expect400(null);
  });
});
