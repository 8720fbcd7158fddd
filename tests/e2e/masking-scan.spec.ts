/**
 * Masking scan (issue 9 item 2; PIPL): as each actor, crawl every page (the home page, every page of the
 * authorization table with the actor's own ids, and every same-origin link found on the way) and call
 * every JSON and CSV read, then search each response body for full 18-character ID numbers (17 digits
 * and a check character that passes MOD 11-2, with a valid date) and 11-digit mobile numbers
 * (1[3-9] and 9 digits, not inside a longer number). Expected: none anywhere. The office console has
 * no "show full number" action, so there is no exception to allow for.
 *
 * Before crawling, the attacker-typed values that end up in the audit trail are planted: full ID and
 * mobile numbers sent as record ids and unit numbers by a person and a clerk. The staff's audit pages
 * must show them masked too.
 */
import { ACTORS, type Actor, PAGES, ROUTES } from "../security/authorization-matrix";
import { desktopOnly, expect, type SecurityEnv, test } from "./security-env";
import {
  type ActorSession,
  BASE_URL,
  callAction,
  counters,
  fillTemplate,
  findLeaks,
  type Leak,
  patiently,
  withDb,
} from "./security-harness";

test.describe.configure({ timeout: 180_000 });

/** A crawl visits at most this many URLs per actor, and this many per shape (path with numbers blanked, query keys). */
const MAX_URLS = 140;
const MAX_PER_SHAPE = 2;
/**
 * The public site looks the same to everyone: the anonymous crawl goes through it; a signed-in actor
 * fetches each public page once (its own header and navigation) without crawling on from it.
 */
const PUBLIC_PATHS = new Set(
  PAGES.filter((p) => p.url !== null && p.expect === "YYYYYYY").map(
    (p) => new URL(p.url!, BASE_URL).pathname,
  ),
);
const PLANTED_PHONE = "13912345678";

const HOME: Record<Actor, string> = {
  anonymous: "/",
  personA: "/me",
  personB: "/me",
  clerkX: "/unit",
  clerkY: "/unit",
  staff: "/office",
  staffOther: "/office",
};

function shapeOf(url: URL): string {
  const keys = [...new Set(url.searchParams.keys())].sort().join("&");
  return `${url.pathname.replace(/\d+/g, "#")}?${keys}`;
}

function linksOf(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    let url: URL;
    try {
      url = new URL(href, new URL(from, BASE_URL));
    } catch {
      continue;
    }
    if (url.origin !== BASE_URL) continue;
    if (
      /^\/(_next|api\/auth)\//.test(url.pathname) ||
      /\.(css|js|png|ico|svg|webmanifest|txt|woff2?)$/.test(url.pathname)
    )
      continue;
    out.push(`${url.pathname}${url.search}`);
  }
  return out;
}

/** Numbers typed by attackers into URLs land in the audit trail: plant some, the audit pages must mask them. */
async function plant(env: SecurityEnv) {
  const { sessions, world } = env;
  const b = world.two;
  const get = (session: ActorSession, url: string) => patiently(() => session.api.get(url));
  await get(sessions.clerkX, `/api/v1/unit/employees/${b.idNumber}`);
  await get(sessions.clerkX, `/api/v1/unit?unit=${b.idNumber}`);
  await get(sessions.clerkX, `/api/v1/unit/employees/${PLANTED_PHONE}`);
  await get(sessions.personA, `/api/v1/me/settlements/${b.idNumber}`);
  await get(sessions.personA, `/api/v1/me/statement/${PLANTED_PHONE}`);
  await patiently(() =>
    sessions.personA.api.post("/api/v1/me/linkage/check", {
      headers: { origin: BASE_URL },
      data: { provider: b.idNumber, providerName: "王秀英" },
    }),
  );
}

/** The staff actors look up the people whose files they then crawl (reason given, audited). */
async function lookUps(session: ActorSession): Promise<string[]> {
  const cards = ["A10000001", "A10000002", "A10000006", "A10000050"];
  const files: string[] = [];
  for (const card of cards) {
    const answer = await callAction(
      session.api,
      session.action("app/(office)/office/(area)/persons/actions.ts#lookUpPersonAction"),
      {
        query: card,
        reason: "安全测试:脱敏扫描",
      },
    );
    if (answer.redirect) files.push(answer.redirect);
  }
  expect(files, `${session.actor} looked up ${cards.join(", ")}`).toHaveLength(cards.length);
  return files;
}

interface ScanResult {
  pages: number;
  apis: number;
  leaks: Leak[];
}

async function scan(env: SecurityEnv, actor: Actor): Promise<ScanResult> {
  const session = env.sessions[actor];
  const leaks: Leak[] = [];
  const fetchText = async (url: string, init?: { method?: string; data?: unknown }) => {
    let res = await patiently(() =>
      session.api.fetch(url, {
        method: init?.method ?? "GET",
        data: init?.data,
        headers: { origin: BASE_URL },
        maxRedirects: 0,
      }),
    );
    const expired = res.status() === 401 || /[?&]expired=1/.test(res.headers().location ?? "");
    if (expired && actor !== "anonymous") {
      // Another spec ended this principal's sessions (sign-out ends them all): sign in again.
      counters.reSignIns++;
      await session.signIn();
      res = await patiently(() =>
        session.api.fetch(url, {
          method: init?.method ?? "GET",
          data: init?.data,
          headers: { origin: BASE_URL },
          maxRedirects: 0,
        }),
      );
    }
    const body = await res.text();
    leaks.push(...findLeaks(`${init?.method ?? "GET"} ${url} as ${actor}`, body));
    return { res, body };
  };

  // Every JSON and CSV read the table knows, with the actor's own ids, and the pre-check (a POST that reads).
  let apis = 0;
  for (const row of ROUTES) {
    const [method] = row.route.split(" ");
    if (method !== "GET") continue;
    await fetchText(fillTemplate(row.url, env.world, actor));
    apis++;
  }
  await fetchText("/api/v1/me/linkage/check", {
    method: "POST",
    data: { provider: env.world.fx.checkProviderCard, providerName: env.world.fx.checkProviderName },
  });
  await fetchText("/api/v1/office/linkage-requests?scope=all&status=PENDING");
  await fetchText("/api/v1/office/linkage-requests?scope=all&status=APPROVED");
  apis += 3;

  // Pages: the home page, the table's pages, the look-ups' person files, the audit trail filtered to the
  // planted rows, a verification code; then every same-origin link.
  const seeds = [
    HOME[actor],
    ...PAGES.filter((p) => p.url !== null).map((p) => fillTemplate(p.url!, env.world, actor)),
  ];
  if (actor === "staff" || actor === "staffOther") {
    seeds.push(...(await lookUps(session)));
    seeds.push(
      "/office/audit?action=UNIT_ACCESS_REFUSED",
      "/office/audit?action=PERSON_RECORD_NOT_FOUND",
      "/office/audit?staffNumber=S0001",
    );
  }
  if (actor === "anonymous") {
    // Verification is public and limited per client address (shared by every spec): the anonymous crawl only.
    const codes = await withDb(
      async (db) =>
        (
          await db.query<{ code: string }>(`SELECT code FROM verification_documents WHERE id = ANY($1)`, [
            [env.world.one.proofId, env.world.two.statementDocId].map(Number),
          ])
        ).rows,
    );
    for (const { code } of codes) seeds.push(`/verify?code=${code}`);
  }
  const queue = [...new Set(seeds)];
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  let pages = 0;
  while (queue.length > 0 && pages < MAX_URLS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const url = new URL(next, BASE_URL);
    const publicOnly = actor !== "anonymous" && PUBLIC_PATHS.has(url.pathname);
    const shape = publicOnly ? url.pathname : shapeOf(url);
    if ((shapes.get(shape) ?? 0) >= (publicOnly ? 1 : MAX_PER_SHAPE)) continue;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    const { res, body } = await fetchText(next);
    pages++;
    const location = res.headers().location;
    if (location) {
      const to = new URL(location, url);
      if (to.origin === BASE_URL) queue.push(`${to.pathname}${to.search}`);
    }
    if (!publicOnly && (res.headers()["content-type"] ?? "").includes("text/html")) {
      for (const link of linksOf(body, next)) if (!seen.has(link)) queue.push(link);
    }
  }
  return { pages, apis, leaks };
}

for (const actor of ACTORS) {
  test(`as ${actor}: no full ID number or mobile number in any page or API answer`, async ({
    security,
  }, testInfo) => {
    desktopOnly(testInfo);
    const env = await security();
    if (actor === "staff") await plant(env);
    const result = await scan(env, actor);
    console.log(
      `[masking] ${actor}: ${result.pages} pages and ${result.apis} API answers scanned, ${result.leaks.length} full numbers found`,
    );
    expect(result.leaks.map((l) => `${l.kind} ${l.value} in ${l.url}: …${l.context}…`)).toEqual([]);
  });
}
