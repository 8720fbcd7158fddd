/**
 * Authorization matrix (issue 9 item 1): every page, route handler and server action of the build ×
 * {anonymous, person A, person B, clerk of unit X, clerk of unit Y, staff S0001, staff S0003 of another
 * agency}, plus the same calls with the other party's ids, against the expected table in
 * tests/security/authorization-matrix.ts (which also defines allow and deny precisely).
 *
 * Server actions are called directly, as an attacker would: a POST to a page with the Next-Action
 * header and React-encoded arguments, sent with the portal's own Origin so that authorization itself is
 * tested, not the origin check. Every refused write is followed by a look at the rows it would have
 * changed. A session that another spec ended (sign-out revokes every session of the principal) is
 * signed in again and the call repeated, so a refusal always comes from the actor it is meant for.
 */
import { writeFileSync } from "node:fs";
import type { APIResponse } from "@playwright/test";
import type pg from "pg";
import {
  ACTIONS,
  ACTORS,
  type Actor,
  type ActionRow,
  type Cells,
  PAGES,
  ROUTES,
  type Variant,
} from "../security/authorization-matrix";
import { desktopOnly, expect, type SecurityEnv, test } from "./security-env";
import {
  type ActorSession,
  BASE_URL,
  callAction,
  counters,
  fillDeep,
  fillTemplate,
  guardedState,
  patiently,
  routeMethods,
  sourceEntries,
  withDb,
} from "./security-harness";

test.describe.configure({ timeout: 180_000 });

type Got = "Y" | "N" | "?";

interface Check {
  entry: string;
  actor: Actor;
  call: string;
  expected: "Y" | "N";
  got: Got;
  detail: string;
}

interface Call {
  actor: Actor;
  expected: "Y" | "N";
  label: string;
  variant?: Variant;
}

/** The base call for every actor with a Y or N cell, then the variants (default: the Y actors, expected N). */
function callsOf(expect: Cells, variants: Variant[] = []): Call[] {
  if (expect.length !== ACTORS.length || /[^YN-]/.test(expect)) throw new Error(`bad cells "${expect}"`);
  const calls: Call[] = [];
  ACTORS.forEach((actor, i) => {
    const cell = expect[i]!;
    if (cell !== "-") calls.push({ actor, expected: cell as "Y" | "N", label: "base" });
  });
  variants.forEach((variant, v) => {
    const actors = variant.actors ?? ACTORS.filter((_, i) => expect[i] === "Y");
    for (const actor of actors)
      calls.push({ actor, expected: variant.expect ?? "N", label: `variant ${v + 1}`, variant });
  });
  return calls;
}

const SIGN_IN_PAGE = /^\/(login|unit\/login|office\/login)(\?|$)/;
const DENY_REDIRECT = [SIGN_IN_PAGE, /^\/me\/password(\?|$)/, /^\/office\/persons\?expired=1$/];
const RULE_CODES = new Set(["WRONG_AGENCY", "SEPARATION_OF_DUTIES"]);
const ACTION_DENIALS = [
  /^请先登录$/,
  /^无权进行此操作$/,
  /^首次登录须先修改初始密码$/,
  /^未找到/,
  /^没有查到/,
  /^【受理机构办理规则】/,
  /^【原经办机构取消规则】/,
];

function locationOf(res: APIResponse): string {
  const url = new URL(res.headers().location ?? "", BASE_URL);
  return `${url.pathname}${url.search}`;
}

interface Outcome {
  got: Got;
  detail: string;
  /** The actor's session no longer counts (ended by another spec): sign in again and repeat. */
  stale: boolean;
}

function pageOutcome(res: APIResponse): Outcome {
  const status = res.status();
  if (status === 200) return { got: "Y", detail: "200", stale: false };
  if ([401, 403, 404].includes(status)) return { got: "N", detail: String(status), stale: false };
  if (status >= 300 && status < 400) {
    const to = locationOf(res);
    const deny = DENY_REDIRECT.some((r) => r.test(to));
    return {
      got: deny ? "N" : "?",
      detail: `${status} → ${to}`,
      stale: deny && /expired=1/.test(to) && SIGN_IN_PAGE.test(to),
    };
  }
  return { got: "?", detail: String(status), stale: false };
}

async function routeOutcome(res: APIResponse, method: string): Promise<Outcome> {
  const status = res.status();
  const text = await res.text();
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
  } catch {
    error = undefined;
  }
  const detail = `${status}${error?.code ? ` ${error.code}` : ""}`;
  if (status >= 200 && status < 300) return { got: "Y", detail, stale: false };
  if ([401, 403, 404].includes(status))
    return { got: "N", detail, stale: status === 401 && error?.message === "请先登录" };
  if ([400, 409, 422].includes(status)) {
    if (error?.code && RULE_CODES.has(error.code)) return { got: "N", detail, stale: false };
    // A write that got past authorization to the input or business checks.
    return { got: method === "GET" ? "?" : "Y", detail, stale: false };
  }
  return { got: "?", detail: `${detail} ${text.slice(0, 120)}`, stale: false };
}

function actionOutcome(answer: Awaited<ReturnType<typeof callAction>>): Outcome {
  if (answer.redirect !== null) {
    const deny = SIGN_IN_PAGE.test(answer.redirect);
    return { got: deny ? "N" : "Y", detail: `→ ${answer.redirect}`, stale: false };
  }
  if ([401, 403].includes(answer.status)) return { got: "N", detail: String(answer.status), stale: false };
  if (answer.status !== 200 || answer.result === null || typeof answer.result !== "object") {
    return { got: "?", detail: `${answer.status} ${answer.text.slice(0, 160)}`, stale: false };
  }
  const state = answer.result as { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };
  const message = state.message ?? "";
  if (ACTION_DENIALS.some((r) => r.test(message)))
    return { got: "N", detail: message, stale: message === "请先登录" };
  const fields = state.fieldErrors ? ` fields: ${Object.keys(state.fieldErrors).join(",")}` : "";
  return { got: "Y", detail: `ok=${state.ok} ${message}${fields}`.trim(), stale: false };
}

/**
 * Runs one call for one actor: again after a fresh sign-in when the session turned out to be ended by
 * someone else; around a write that must be refused, the guarded rows are read before and after.
 */
async function run(
  env: SecurityEnv,
  db: pg.Pool,
  check: Omit<Check, "got" | "detail">,
  write: boolean,
  send: (session: ActorSession) => Promise<Outcome>,
): Promise<Check> {
  const session = env.sessions[check.actor];
  const guard = write && check.expected === "N";
  const before = guard ? await guardedState(db, env.world) : "";
  let outcome = await send(session);
  if (outcome.stale && check.actor !== "anonymous") {
    counters.reSignIns++;
    await session.signIn();
    outcome = await send(session);
  }
  let detail = outcome.detail;
  let got = outcome.got;
  if (guard) {
    const after = await guardedState(db, env.world);
    if (after !== before) {
      got = "Y";
      detail += ` — guarded rows changed: ${before} → ${after}`;
    }
  }
  return { ...check, got, detail };
}

/** Actors in parallel, each actor's calls in order (one principal never sends two at once). */
async function byActor<T extends { actor: Actor }>(
  items: T[],
  each: (item: T) => Promise<Check>,
): Promise<Check[]> {
  const lanes = ACTORS.map((actor) => items.filter((i) => i.actor === actor));
  const results = await Promise.all(
    lanes.map(async (lane) => {
      const out: Check[] = [];
      for (const item of lane) out.push(await each(item));
      return out;
    }),
  );
  return results.flat();
}

function report(kind: string, entries: number, checks: Check[]) {
  // Every check with its answer, for reading after a run: test-results*/<test>/checks.json.
  writeFileSync(test.info().outputPath("checks.json"), JSON.stringify(checks, null, 1));
  const unexpectedAllows = checks.filter((c) => c.expected === "N" && c.got === "Y");
  const wrong = checks.filter((c) => c.got !== c.expected);
  console.log(
    `[authz] ${kind}: ${entries} entry points, ${checks.length} checks, ${unexpectedAllows.length} unexpected allows, ` +
      `${wrong.length - unexpectedAllows.length} other mismatches (429s waited out so far: ${counters.rateLimited}, re-sign-ins: ${counters.reSignIns})`,
  );
  expect(
    wrong.map(
      (c) => `${c.entry} [${c.call}] as ${c.actor}: expected ${c.expected}, got ${c.got} (${c.detail})`,
    ),
  ).toEqual([]);
}

test("the table lists every page, route handler (per method) and server action of the build, and nothing else", async ({
  security,
}, testInfo) => {
  desktopOnly(testInfo);
  const env = await security();
  const built = env.entries;
  const source = sourceEntries();
  // The build and the source tree agree (a stale build would hide a new entry point).
  expect(
    source.pages.filter((p) => !built.pages.includes(p)),
    "pages in app/ missing from the build",
  ).toEqual([]);
  expect(
    source.routes.filter((r) => !built.routes.includes(r)),
    "route handlers in app/ missing from the build",
  ).toEqual([]);
  expect(
    source.actions.filter((a) => !built.actions.some((b) => b.key === a)),
    "exported server actions missing from the build (unused: remove them)",
  ).toEqual([]);

  const anonymous = env.sessions.anonymous.api;
  const builtRoutes: string[] = [];
  for (const route of built.routes) {
    const methods = await routeMethods(anonymous, route);
    expect(methods.length, `OPTIONS ${route} lists no method`).toBeGreaterThan(0);
    for (const method of methods) builtRoutes.push(`${method} ${route}`);
  }
  const tablePages = PAGES.map((p) => p.route);
  const tableRoutes = ROUTES.map((r) => r.route);
  const tableActions = ACTIONS.map((a) => a.action);
  const builtActions = built.actions.map((a) => a.key);
  const missing = [
    ...built.pages.filter((p) => !tablePages.includes(p)).map((p) => `page ${p}`),
    ...builtRoutes.filter((r) => !tableRoutes.includes(r)).map((r) => `route ${r}`),
    ...builtActions.filter((a) => !tableActions.includes(a)).map((a) => `action ${a}`),
  ];
  const stale = [
    ...tablePages.filter((p) => !built.pages.includes(p)).map((p) => `page ${p}`),
    ...tableRoutes.filter((r) => !builtRoutes.includes(r)).map((r) => `route ${r}`),
    ...tableActions.filter((a) => !builtActions.includes(a)).map((a) => `action ${a}`),
  ];
  const duplicates = [...tablePages, ...tableRoutes, ...tableActions].filter(
    (k, i, all) => all.indexOf(k) !== i,
  );
  expect(
    missing,
    "entry points of the build without a row in tests/security/authorization-matrix.ts",
  ).toEqual([]);
  expect(stale, "rows of the table that the build no longer has").toEqual([]);
  expect(duplicates, "rows listed twice").toEqual([]);
  console.log(
    `[authz] entry points: ${built.pages.length} pages, ${builtRoutes.length} route handlers (method × path, ${built.routes.length} paths), ${built.actions.length} server actions`,
  );
});

test("pages × actors: expected allows, denies and other-party ids", async ({ security }, testInfo) => {
  desktopOnly(testInfo);
  const env = await security();
  const calls = PAGES.filter((p) => p.url !== null).flatMap((row) =>
    callsOf(row.expect, row.variants).map((c) => ({ ...c, row })),
  );
  const checks = await withDb((db) =>
    byActor(calls, (c) => {
      const url = fillTemplate(c.variant?.url ?? c.row.url!, env.world, c.actor);
      return run(
        env,
        db,
        { entry: c.row.route, actor: c.actor, call: `${c.label} GET ${url}`, expected: c.expected },
        false,
        async (s) => pageOutcome(await patiently(() => s.api.get(url, { maxRedirects: 0 }))),
      );
    }),
  );
  report("pages", PAGES.length, checks);
});

test("route handlers × actors: expected allows, denies and other-party ids", async ({
  security,
}, testInfo) => {
  desktopOnly(testInfo);
  const env = await security();
  const calls = ROUTES.flatMap((row) => callsOf(row.expect, row.variants).map((c) => ({ ...c, row })));
  const checks = await withDb((db) =>
    byActor(calls, async (c) => {
      const [method, route] = c.row.route.split(" ") as [string, string];
      const csrf = async (s: ActorSession) =>
        ((await (await patiently(() => s.api.get("/api/auth/csrf"))).json()) as { csrfToken: string })
          .csrfToken;
      const send = async (s: ActorSession): Promise<Outcome> => {
        const extra: Record<string, string> =
          c.row.after === "session-unchanged" ? { csrf: await csrf(s) } : {};
        const url = fillTemplate(c.variant?.url ?? c.row.url, env.world, c.actor);
        const body = fillDeep(c.variant?.body ?? c.row.body, env.world, c.actor, extra);
        const headers = fillDeep({ ...c.row.headers, ...c.variant?.headers }, env.world, c.actor);
        const res = await patiently(() =>
          s.api.fetch(url, {
            method,
            headers: { origin: BASE_URL, ...headers },
            ...(body === undefined ? {} : { data: body }),
            maxRedirects: 0,
          }),
        );
        return routeOutcome(res, method);
      };
      const checked = await run(
        env,
        db,
        { entry: c.row.route, actor: c.actor, call: `${c.label} ${method} ${route}`, expected: c.expected },
        method !== "GET",
        send,
      );
      return checked;
    }),
  );

  // The session update of Auth.js must not let a client rewrite its own token: the version stays.
  const sessionChecks: Check[] = [];
  for (const actor of ACTORS.filter((a) => a !== "anonymous")) {
    const s = env.sessions[actor];
    const versionOf = async () =>
      (
        (await (await patiently(() => s.api.get("/api/auth/session"))).json()) as {
          sessionVersion?: number;
        } | null
      )?.sessionVersion;
    const before = await versionOf();
    const { csrfToken } = (await (await patiently(() => s.api.get("/api/auth/csrf"))).json()) as {
      csrfToken: string;
    };
    await patiently(() =>
      s.api.post("/api/auth/session", {
        headers: { origin: BASE_URL },
        data: { csrfToken, data: { sessionVersion: (before ?? 0) + 1 } },
        maxRedirects: 0,
      }),
    );
    const after = await versionOf();
    sessionChecks.push({
      entry: "POST /api/auth/[...nextauth]",
      actor,
      call: "client-side session update of sessionVersion",
      expected: "N",
      got: after === before ? "N" : "Y",
      detail: `sessionVersion ${before} → ${after}`,
    });
    if (after !== before) await s.signIn();
  }
  report("route handlers", ROUTES.length, [...checks, ...sessionChecks]);
});

test("server actions × actors, called directly with the Next-Action header", async ({
  security,
}, testInfo) => {
  desktopOnly(testInfo);
  const env = await security();
  const calls = ACTIONS.flatMap((row: ActionRow) =>
    callsOf(row.expect, row.variants).map((c) => ({ ...c, row })),
  );
  const checks = await withDb((db) =>
    byActor(calls, (c) => {
      const form = c.variant?.form ?? c.row.form;
      return run(
        env,
        db,
        {
          entry: c.row.action,
          actor: c.actor,
          call: `${c.label} ${JSON.stringify(form)}`,
          expected: c.expected,
        },
        true,
        async (s) =>
          actionOutcome(
            await callAction(s.api, s.action(c.row.action), form && fillDeep(form, env.world, c.actor)),
          ),
      );
    }),
  );
  report("server actions", ACTIONS.length, checks);
});
