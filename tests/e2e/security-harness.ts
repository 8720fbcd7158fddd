/**
 * Shared by authz-matrix.spec.ts and masking-scan.spec.ts (issue 9 items 1 and 2): the entry points of
 * the build, the seven actors signed in through HTTP only (no browser), server actions called the way
 * an attacker would call them, the ids of the parties from the e2e database, and the leak scanner.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type APIRequestContext, type APIResponse, request as playwrightRequest } from "@playwright/test";
import { generate } from "otplib";
import pg from "pg";
import { idCheckChar, isIdNumber } from "../../lib/domain/id-number";
import { DEMO_STAFF_TOTP } from "../../prisma/seed/demo-staff-totp";
import type { Actor } from "../security/authorization-matrix";

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3210}`;
const ROOT = process.cwd();
const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");

// ---------------------------------------------------------------------------------------------------
// Entry points

export interface BuiltAction {
  id: string;
  /** "<file>#<export>", the key of the table. */
  key: string;
  /** A page that has the action in its bundle: the URL an attacker posts to. */
  pageUrl: string;
}

export interface BuiltEntries {
  pages: string[];
  /** Route handler paths (methods come from OPTIONS, see routeMethods). */
  routes: string[];
  actions: BuiltAction[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

/** A concrete URL for a route pattern: every dynamic segment filled with a harmless value. */
export function fillPattern(route: string): string {
  return route.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, "session").replace(/\[[^\]]+\]/g, "1");
}

export function builtEntries(): BuiltEntries {
  const appPaths = readJson<Record<string, string>>(path.join(DIST_DIR, "app-path-routes-manifest.json"));
  const pages = Object.entries(appPaths)
    .filter(([k]) => k.endsWith("/page"))
    .map(([, v]) => v);
  const routes = Object.entries(appPaths)
    .filter(([k]) => k.endsWith("/route"))
    .map(([, v]) => v);
  const references = readJson<{
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  }>(path.join(DIST_DIR, "server", "server-reference-manifest.json"));
  const actions = Object.entries(references.node).map(([id, ref]) => {
    const urls = Object.keys(ref.workers)
      .map((w) => appPaths[w.replace(/^app/, "")])
      .filter((u): u is string => typeof u === "string");
    const pageUrl = urls.find((u) => !u.includes("[")) ?? fillPattern(urls[0] ?? "/");
    return { id, key: `${ref.filename}#${ref.exportedName}`, pageUrl };
  });
  return {
    pages: pages.sort(),
    routes: routes.sort(),
    actions: actions.sort((a, b) => a.key.localeCompare(b.key)),
  };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The same entry points read from the source tree, to catch a build that is older than the code. */
export function sourceEntries(): { pages: string[]; routes: string[]; actions: string[] } {
  const toRoute = (file: string) =>
    `/${path
      .relative(path.join(ROOT, "app"), path.dirname(file))
      .split(path.sep)
      .filter((s) => s !== "" && !/^\(.*\)$/.test(s))
      .join("/")}`;
  const appFiles = walk(path.join(ROOT, "app"));
  const pages = appFiles.filter((f) => /[/\\]page\.tsx?$/.test(f)).map(toRoute);
  const routes = appFiles.filter((f) => /[/\\]route\.tsx?$/.test(f)).map(toRoute);
  const actions: string[] = [];
  for (const dir of ["app", "lib", "components"]) {
    for (const file of walk(path.join(ROOT, dir))) {
      const text = readFileSync(file, "utf8");
      if (!/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text)) continue;
      const rel = path.relative(ROOT, file).split(path.sep).join("/");
      for (const m of text.matchAll(/^export\s+(?:async\s+function\s*\*?|const|let|function)\s+(\w+)/gm)) {
        actions.push(`${rel}#${m[1]}`);
      }
    }
  }
  return { pages: pages.sort(), routes: routes.sort(), actions: actions.sort() };
}

/** The methods a route handler answers, from Next's automatic OPTIONS answer (Allow). */
export async function routeMethods(api: APIRequestContext, route: string): Promise<string[]> {
  const res = await patiently(() => api.fetch(fillPattern(route), { method: "OPTIONS", maxRedirects: 0 }));
  const allow = res.headers().allow ?? "";
  return allow
    .split(",")
    .map((m) => m.trim().toUpperCase())
    .filter((m) => m !== "" && m !== "HEAD" && m !== "OPTIONS")
    .sort();
}

// ---------------------------------------------------------------------------------------------------
// Calling a server action directly

const requireFromHere = createRequire(import.meta.url);
/** React's own encoder for server-function arguments (what the browser runtime sends). */
const { encodeReply } = requireFromHere("next/dist/compiled/react-server-dom-turbopack/client.edge") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

export interface ActionAnswer {
  status: number;
  /** x-action-redirect without the ";push" suffix, as a path. */
  redirect: string | null;
  /** The action's return value, when it returned. */
  result: unknown;
  text: string;
}

export const counters = { rateLimited: 0, reSignIns: 0 };

/**
 * Retries a call refused with 429 (rate limiting of issue 9 item 5), waiting as told, and a call whose
 * kept-alive connection the server closed just as it was reused (ECONNRESET: nothing reached the app).
 */
export async function patiently(call: () => Promise<APIResponse>): Promise<APIResponse> {
  for (let attempt = 0; ; attempt++) {
    let res: APIResponse;
    try {
      res = await call();
    } catch (error) {
      if (attempt < 2 && /ECONNRESET|socket hang up/.test(String(error))) continue;
      throw error;
    }
    if (res.status() !== 429 || attempt >= 4) return res;
    counters.rateLimited++;
    const wait = Math.min(Number(res.headers()["retry-after"] ?? "2") || 2, 20);
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

function toForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

function pathOf(location: string): string {
  const url = new URL(location, BASE_URL);
  return url.origin === new URL(BASE_URL).origin ? `${url.pathname}${url.search}` : location;
}

/** Reads the value the action returned from its RSC answer ("0:{"a":"$@1",…}" then "1:<json>"). */
function actionResult(text: string): unknown {
  const lines = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) lines.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(lines.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof root?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(root.a)?.[1] : undefined;
    return ref === undefined ? (root?.a ?? null) : JSON.parse(lines.get(ref) ?? "null");
  } catch {
    return null;
  }
}

/**
 * POSTs to a page with the Next-Action header and the arguments encoded as React encodes them, with
 * the portal's own Origin (so the origin check passes and authorization itself is what is tested).
 * `form` null: no arguments; otherwise (previousState, formData) as useActionState calls it.
 */
export async function callAction(
  api: APIRequestContext,
  action: { id: string; pageUrl: string },
  form: Record<string, string> | null,
): Promise<ActionAnswer> {
  const body = await encodeReply(form === null ? [] : [{ ok: false }, toForm(form)]);
  const headers = { "next-action": action.id, origin: BASE_URL, accept: "text/x-component" };
  const res = await patiently(() =>
    typeof body === "string"
      ? api.post(action.pageUrl, {
          headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
          data: body,
          maxRedirects: 0,
        })
      : api.post(action.pageUrl, { headers, multipart: body, maxRedirects: 0 }),
  );
  const text = await res.text();
  const redirect = res.headers()["x-action-redirect"];
  return {
    status: res.status(),
    redirect: redirect ? pathOf(redirect.replace(/;(push|replace)$/, "")) : null,
    result: redirect ? null : actionResult(text),
    text,
  };
}

// ---------------------------------------------------------------------------------------------------
// Actors

export interface Credentials {
  kind: "person" | "clerk" | "staff";
  fields: Record<string, string>;
}

export const CREDENTIALS: Record<Exclude<Actor, "anonymous">, Credentials> = {
  personA: { kind: "person", fields: { loginId: "A10000001", password: "demo-person-1" } },
  personB: { kind: "person", fields: { loginId: "A10000002", password: "demo-person-2" } },
  clerkX: {
    kind: "clerk",
    fields: { unitNumber: "5001000001", username: "clerk1", password: "demo-clerk-1" },
  },
  clerkY: {
    kind: "clerk",
    fields: { unitNumber: "5001000002", username: "clerk1", password: "demo-clerk-2" },
  },
  staff: { kind: "staff", fields: { staffNumber: "S0001", password: "demo-staff-1" } },
  staffOther: { kind: "staff", fields: { staffNumber: "S0003", password: "demo-staff-3" } },
};

const SIGN_IN: Record<Credentials["kind"], { action: string; home: string }> = {
  person: { action: "app/(public)/login/actions.ts#signInPersonAction", home: "/me" },
  clerk: { action: "app/(employer)/unit/login/actions.ts#signInClerkAction", home: "/unit" },
  staff: { action: "app/(office)/office/login/actions.ts#signInStaffAction", home: "/office" },
};

export class ActorSession {
  private constructor(
    readonly actor: Actor,
    readonly api: APIRequestContext,
    private readonly actions: BuiltAction[],
  ) {}

  static async open(actor: Actor, actions: BuiltAction[]): Promise<ActorSession> {
    const api = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { "accept-language": "zh-CN" },
    });
    const session = new ActorSession(actor, api, actions);
    if (actor !== "anonymous") await session.signIn();
    return session;
  }

  action(key: string): BuiltAction {
    const found = this.actions.find((a) => a.key === key);
    if (!found) throw new Error(`action ${key} is not in the build`);
    return found;
  }

  /** Through the sign-in server actions themselves (staff: password, then the TOTP code if enrolled). */
  async signIn(): Promise<void> {
    if (this.actor === "anonymous") return;
    const { kind, fields } = CREDENTIALS[this.actor];
    const { action, home } = SIGN_IN[kind];
    let answer = await callAction(this.api, this.action(action), fields);
    const secret = DEMO_STAFF_TOTP[fields.staffNumber ?? ""];
    for (let attempt = 0; kind === "staff" && secret && answer.redirect !== home && attempt < 2; attempt++) {
      // Second step: the signed challenge waits in an httpOnly cookie this context now holds.
      answer = await callAction(this.api, this.action(action), {
        step: "code",
        code: await generate({ secret }),
      });
      if (answer.redirect === home) break;
      // A code already used or a clock edge: start again with the password and the next period's code.
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 1000));
      answer = await callAction(this.api, this.action(action), fields);
    }
    if (answer.redirect !== home) {
      throw new Error(`${this.actor} could not sign in: ${answer.status} ${JSON.stringify(answer.result)}`);
    }
  }

  async dispose(): Promise<void> {
    await this.api.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------
// The parties' ids, from the e2e database

export interface Party {
  personId: string;
  cardId: string;
  cardNumber: string;
  idNumber: string;
  entryId: string;
  settlementId: string;
  proofId: string;
  statementDocId: string;
  unit: string;
  employee: string;
}

export interface Fixture {
  requestId: string;
  linkageId: string;
  preLostCardId: string;
  institutionKey: string;
  otherInstitution: string;
  fixtureCard: string;
  fixturePersonIds: string;
  checkProviderCard: string;
  checkProviderName: string;
}

export interface World {
  /** A's person data with X's unit data; B's with Y's. */
  one: Party;
  two: Party;
  fx: Fixture;
}

export function dbUrl(): string {
  return readFileSync(path.join(ROOT, ".data", `${process.env.E2E_CLUSTER ?? "e2e"}-db-url`), "utf8").trim();
}

/** A small pool: the matrix reads the guarded rows from several lanes at once. */
export async function withDb<T>(run: (db: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: dbUrl(), max: 4 });
  try {
    return await run(pool);
  } finally {
    await pool.end();
  }
}

/** Cards the other specs name: the fixture people are chosen from everyone else. */
const USED_CARDS = [
  "A10000001",
  "A10000002",
  "A10000003",
  "A10000006",
  "A10000011",
  "A10000012",
  "A10000013",
  "A10000017",
  "A10000020",
  "A10000031",
  "A10000042",
  "A10000043",
  "A10000050",
  "A10000059",
];

async function one<T extends pg.QueryResultRow>(
  db: pg.Pool,
  sql: string,
  params: unknown[] = [],
): Promise<T> {
  const { rows } = await db.query<T>(sql, params);
  if (!rows[0]) throw new Error(`no row: ${sql}`);
  return rows[0];
}

async function personParty(db: pg.Pool, card: string, unit: string, employeeSql: string) {
  const p = await one<{ id: number; card_id: number; id_number: string }>(
    db,
    `SELECT p.id, c.id AS card_id, p.id_number FROM persons p JOIN cards c ON c.person_id = p.id WHERE c.card_number = $1`,
    [card],
  );
  const entry = await one<{ id: string }>(
    db,
    `SELECT e.id::text FROM entries e JOIN accounts a ON a.id = e.account_id WHERE a.person_id = $1 ORDER BY e.id DESC LIMIT 1`,
    [p.id],
  );
  const settlement = await one<{ id: string }>(
    db,
    `SELECT id::text FROM settlements WHERE person_id = $1 ORDER BY id DESC LIMIT 1`,
    [p.id],
  );
  const employee = await one<{ personal_number: string }>(db, employeeSql, [unit]);
  return {
    personId: String(p.id),
    cardId: String(p.card_id),
    cardNumber: card,
    idNumber: p.id_number,
    entryId: entry.id,
    settlementId: settlement.id,
    unit,
    employee: employee.personal_number,
  };
}

const EMPLOYEE_OF_UNIT = `SELECT p.personal_number FROM persons p JOIN units u ON u.id = p.unit_id WHERE u.unit_number = $1 ORDER BY p.id LIMIT 1`;

/** A pending online linkage request of two people no other spec uses, at S0001's agency (created once). */
async function fixtureRequest(db: pg.Pool): Promise<{ requestId: string; card: string; personIds: string }> {
  const people = await db.query<{ id: number; agency_id: number; card_number: string }>(
    `SELECT p.id, p.agency_id, c.card_number FROM persons p
       JOIN cards c ON c.person_id = p.id
      WHERE p.agency_id = (SELECT agency_id FROM staff WHERE staff_number = 'S0001')
        AND p.category <> 'EMPLOYEE_UNIT'
        AND c.card_number <> ALL($1)
        AND NOT EXISTS (SELECT 1 FROM linkage_members m WHERE m.person_id = p.id)
      ORDER BY p.id LIMIT 2`,
    [USED_CARDS],
  );
  const [user, provider] = people.rows;
  if (!user || !provider) throw new Error("no people for the fixture linkage request");
  await db.query(
    `INSERT INTO linkage_requests (user_person_id, provider_person_id, agency_id, status, source, created_by_person_id, documents)
     VALUES ($1, $2, $3, 'PENDING', 'ONLINE', $1, '{}') ON CONFLICT DO NOTHING`,
    [user.id, provider.id, provider.agency_id],
  );
  const row = await one<{ id: number }>(
    db,
    `SELECT id FROM linkage_requests WHERE user_person_id = $1 AND provider_person_id = $2 AND status = 'PENDING'`,
    [user.id, provider.id],
  );
  return { requestId: String(row.id), card: user.card_number, personIds: `${user.id},${provider.id}` };
}

/** The newest document of a kind of a person, issued through the person's own action when there is none. */
async function documentOf(
  db: pg.Pool,
  session: ActorSession,
  personId: string,
  kind: "PROOF" | "STATEMENT",
): Promise<string> {
  const find = async () =>
    (
      await db.query<{ id: number }>(
        `SELECT id FROM verification_documents WHERE person_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`,
        [personId, kind],
      )
    ).rows[0]?.id;
  const existing = await find();
  if (existing !== undefined) return String(existing);
  const answer =
    kind === "PROOF"
      ? await callAction(session.api, session.action("app/(person)/me/proof/actions.ts#issueProofAction"), {})
      : await callAction(
          session.api,
          session.action("app/(person)/me/statement/print/actions.ts#issueStatementAction"),
          {
            year: "2025",
          },
        );
  const id = /\/(\d+)$/.exec(answer.redirect ?? "")?.[1];
  if (!id)
    throw new Error(`could not issue a ${kind} document: ${answer.status} ${JSON.stringify(answer.result)}`);
  return id;
}

export async function loadWorld(personA: ActorSession, personB: ActorSession): Promise<World> {
  return withDb(async (db) => {
    const a = await personParty(db, "A10000001", "5001000001", EMPLOYEE_OF_UNIT);
    const b = await personParty(db, "A10000002", "5001000002", EMPLOYEE_OF_UNIT);
    const request = await fixtureRequest(db);
    const linkage = await one<{ id: number }>(
      db,
      `SELECT l.id FROM linkages l JOIN cards c ON c.person_id = l.user_person_id WHERE c.card_number = 'A10000006' AND l.status = 'ACTIVE'`,
    );
    const preLost = await one<{ id: number }>(db, `SELECT id FROM cards WHERE card_number = 'A10000003'`);
    const provider = await one<{ name: string }>(
      db,
      `SELECT p.name FROM persons p JOIN cards c ON c.person_id = p.id WHERE c.card_number = 'A10000017'`,
    );
    const other = await one<{ code: string }>(
      db,
      `SELECT code FROM institutions WHERE code <> 'H50010300001' ORDER BY code LIMIT 1`,
    );
    return {
      one: {
        ...a,
        proofId: await documentOf(db, personA, a.personId, "PROOF"),
        statementDocId: await documentOf(db, personA, a.personId, "STATEMENT"),
      },
      two: {
        ...b,
        proofId: await documentOf(db, personB, b.personId, "PROOF"),
        statementDocId: await documentOf(db, personB, b.personId, "STATEMENT"),
      },
      fx: {
        requestId: request.requestId,
        linkageId: String(linkage.id),
        preLostCardId: String(preLost.id),
        institutionKey: "cqyb-demo-key-H50010300001-0123456789",
        otherInstitution: other.code,
        fixtureCard: request.card,
        fixturePersonIds: request.personIds,
        checkProviderCard: "A10000017",
        checkProviderName: provider.name,
      },
    };
  });
}

/** Whose data "self" and "other" are for an actor: B and Y act on their own (two), everyone else on A's and X's. */
export function partiesOf(world: World, actor: Actor): { self: Party; other: Party } {
  return actor === "personB" || actor === "clerkY"
    ? { self: world.two, other: world.one }
    : { self: world.one, other: world.two };
}

export function fillTemplate(
  template: string,
  world: World,
  actor: Actor,
  extra: Record<string, string> = {},
): string {
  const { self, other } = partiesOf(world, actor);
  return template.replace(/\{([\w.]+)\}/g, (whole, name: string) => {
    const [scope, key] = name.includes(".") ? (name.split(".") as [string, string]) : ["", name];
    const source: Record<string, string> | undefined =
      scope === "self"
        ? { ...self }
        : scope === "other"
          ? { ...other }
          : scope === "fx"
            ? { ...world.fx }
            : extra;
    const value = source?.[key];
    if (value === undefined) throw new Error(`unknown template value ${whole}`);
    return value;
  });
}

export function fillDeep<T>(value: T, world: World, actor: Actor, extra: Record<string, string> = {}): T {
  if (typeof value === "string") return fillTemplate(value, world, actor, extra) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, world, actor, extra)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillDeep(v, world, actor, extra)]),
    ) as T;
  }
  return value;
}

/**
 * What an attacker would change: the cards of A, B and A10000003, the fixture request and linkage, the
 * demo persons' passwords, the staff second factors, A's and B's linkage requests. Read before and after
 * every refused write; other specs do not touch these rows while this runs.
 */
export async function guardedState(db: pg.Pool, world: World): Promise<string> {
  const persons = [world.one.personId, world.two.personId].map(Number);
  const cards = [world.one.cardId, world.two.cardId, world.fx.preLostCardId].map(Number);
  const { rows } = await db.query<{ state: unknown }>(
    `SELECT json_build_object(
       'cards', (SELECT json_agg(json_build_object('id', id, 'status', status, 'pre', pre_lost_at, 'lost', lost_at) ORDER BY id) FROM cards WHERE id = ANY($1)),
       'request', (SELECT json_agg(json_build_object('id', id, 'status', status, 'decided', decided_at, 'linkage', linkage_id)) FROM linkage_requests WHERE id = $2),
       'linkage', (SELECT json_agg(json_build_object('id', id, 'status', status, 'cancelled', cancelled_at)) FROM linkages WHERE id = $3),
       'passwords', (SELECT json_agg(password_hash ORDER BY id) FROM persons WHERE id = ANY($4)),
       'staff', (SELECT json_agg(json_build_object('n', staff_number, 'totp', totp_secret, 'on', totp_enabled_at) ORDER BY id) FROM staff WHERE staff_number IN ('S0001', 'S0003')),
       'requestsOfAB', (SELECT count(*) FROM linkage_requests WHERE user_person_id = ANY($4) OR provider_person_id = ANY($4)),
       'settlementsOfFixture', (SELECT count(*) FROM settlements s JOIN cards c ON c.person_id = s.person_id WHERE c.card_number = $5)
     ) AS state`,
    [cards, Number(world.fx.requestId), Number(world.fx.linkageId), persons, world.fx.fixtureCard],
  );
  return JSON.stringify(rows[0]?.state);
}

// ---------------------------------------------------------------------------------------------------
// Masking scan

export interface Leak {
  url: string;
  kind: "id-number" | "phone";
  value: string;
  context: string;
}

const ID_CANDIDATE = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const PHONE_CANDIDATE = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;

/** Full ID numbers (checked with the MOD 11-2 check character and a valid date) and mobile numbers. */
export function findLeaks(url: string, body: string): Leak[] {
  const leaks: Leak[] = [];
  const context = (index: number, length: number) =>
    body.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/g, " ");
  for (const m of body.matchAll(ID_CANDIDATE)) {
    const value = m[1]!.toUpperCase();
    if (idCheckChar(value.slice(0, 17)) === value[17] && isIdNumber(value)) {
      leaks.push({ url, kind: "id-number", value, context: context(m.index, value.length) });
    }
  }
  for (const m of body.matchAll(PHONE_CANDIDATE)) {
    leaks.push({ url, kind: "phone", value: m[1]!, context: context(m.index, m[1]!.length) });
  }
  return leaks;
}
