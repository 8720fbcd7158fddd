/**
 * The expected authorization table (issue 9 item 1): every page, route handler and server action of the
 * build, one row each, with the expected outcome for each actor. tests/e2e/authz-matrix.spec.ts
 * enumerates the entry points from the build output (app-path-routes-manifest.json, OPTIONS → Allow for
 * the methods of each route handler, server/server-reference-manifest.json for the actions) and fails
 * when one is missing here, when a row here no longer exists, or when any cell comes out otherwise.
 *
 * Actors (columns, always in this order):
 *   anonymous   no session
 *   personA     A10000001 (李明, in service at unit 5001000001)
 *   personB     A10000002 (王秀英, retired)
 *   clerkX      clerk of unit 5001000001 (clerk1 / demo-clerk-1)
 *   clerkY      clerk of unit 5001000002 (clerk1 / demo-clerk-2)
 *   staff       S0001 (市医保中心, password + TOTP)
 *   staffOther  S0003 (渝中区分中心, another agency, password only)
 *
 * Cells: "Y" allow, "N" deny, "-" not probed (the row's note says why). What they mean, precisely:
 *   page   allow = 200. deny = 401/403/404, or a 3xx to a sign-in page (/login, /unit/login,
 *          /office/login), to the forced password change (/me/password) or to the person look-up
 *          (/office/persons?expired=1, "look the person up first").
 *   route  allow = 2xx for a read; for a write probed with a harmless body (see `body`), any answer that
 *          is not a refusal: 2xx, or a 400/409/422 about the input or a business rule of the caller's own
 *          data (it got past authorization to the use case). deny = 401/403/404, or a 400 whose code says
 *          who may do this (WRONG_AGENCY, SEPARATION_OF_DUTIES). Anything else (3xx, 5xx) fails the cell.
 *   action called directly (POST to a page with the Next-Action header and the React-encoded arguments,
 *          as an attacker would). allow = the action ran: a redirect (x-action-redirect) to somewhere
 *          other than a sign-in page, or a result that is not a refusal (field errors, a business
 *          message). deny = the result says 请先登录 / 无权进行此操作 / 首次登录须先修改初始密码 / 未找到… /
 *          没有查到… / an agency rule (【受理机构办理规则】, 【原经办机构取消规则】), or a redirect to a
 *          sign-in page, or a 401/403/404.
 *   For every deny of a write (route or action), the rows an attacker would change (cards, the fixture
 *   linkage request and linkage, the demo persons' passwords, the staff second factors, linkage requests
 *   of A and B) must read the same before and after the call.
 *
 * Templates in urls, bodies and forms: {self.x} is the acting party's own value, {other.x} the other
 * party's (A↔B, X↔Y; anonymous and staff act on A's and X's data as "self", B's and Y's as "other"),
 * {fx.x} a fixture shared by all. Values: personId, cardId, entryId, settlementId, proofId,
 * statementDocId (person, A or B); unit, employee (unit X or Y; the employee is a personal number);
 * fx.requestId (a pending online linkage request of a third person, at S0001's agency), fx.linkageId
 * (the seeded active linkage, handled by S0001's agency), fx.preLostCardId (A10000003's pre-lost card),
 * fx.institutionKey (the demo institution's API key), fx.otherInstitution, fx.fixtureCard,
 * fx.checkProviderCard / fx.checkProviderName (a provider named correctly for the linkage pre-check).
 *
 * `variants` are further calls of the same entry point, by default "N" for every actor whose base cell
 * is "Y" (the other party's ids); `actors` and `expect` narrow or change that.
 */

export const ACTORS = ["anonymous", "personA", "personB", "clerkX", "clerkY", "staff", "staffOther"] as const;
export type Actor = (typeof ACTORS)[number];

/** Seven characters, one per actor in ACTORS order: Y allow, N deny, - not probed. */
export type Cells = string;

export interface Variant {
  url?: string;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Who makes this call; default: every actor whose base cell is Y. */
  actors?: Actor[];
  expect?: "Y" | "N";
  note?: string;
}

export interface PageRow {
  /** The route as the build lists it, e.g. "/me/statement/[entryId]". */
  route: string;
  /** What is requested (a template); null: not requestable (framework-internal). */
  url: string | null;
  expect: Cells;
  variants?: Variant[];
  note?: string;
}

export interface RouteRow {
  /** "METHOD /route" as the build lists the route and OPTIONS lists the method. */
  route: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: Cells;
  variants?: Variant[];
  /**
   * "session-unchanged": the call needs an Auth.js CSRF token ({csrf}), and the spec also checks that no
   * signed-in actor can move its own token's session version through this endpoint.
   */
  after?: "session-unchanged";
  note?: string;
}

export interface ActionRow {
  /** "<file>#<exported name>" as server-reference-manifest.json lists it. */
  action: string;
  /** The FormData argument (after the previous state); null: the action takes no arguments. */
  form: Record<string, string> | null;
  expect: Cells;
  variants?: Variant[];
  note?: string;
}

const PUBLIC = "YYYYYYY";
const PERSON = "NYYNNNN";
const CLERK = "NNNYYNN";
const STAFF = "NNNNNYY";
const NOBODY = "NNNNNNN";

const otherUnit = (path: string) => ({ url: `${path}${path.includes("?") ? "&" : "?"}unit={other.unit}` });

export const PAGES: PageRow[] = [
  { route: "/", url: "/", expect: PUBLIC },
  { route: "/_global-error", url: null, expect: "-------", note: "framework error boundary, not a route" },
  {
    route: "/_not-found",
    url: null,
    expect: "-------",
    note: "framework 404 page, served for unknown paths",
  },
  // Public site and the three sign-in pages.
  { route: "/agencies", url: "/agencies", expect: PUBLIC },
  { route: "/calculator", url: "/calculator?category=unit-employee&month=2025-10&wage=6000", expect: PUBLIC },
  { route: "/calculator/retirement", url: "/calculator/retirement", expect: PUBLIC },
  { route: "/drugs", url: "/drugs", expect: PUBLIC },
  { route: "/faq", url: "/faq", expect: PUBLIC },
  { route: "/institutions", url: "/institutions", expect: PUBLIC },
  { route: "/treatments", url: "/treatments", expect: PUBLIC },
  { route: "/verify", url: "/verify", expect: PUBLIC },
  { route: "/login", url: "/login", expect: PUBLIC },
  { route: "/unit/login", url: "/unit/login", expect: PUBLIC },
  { route: "/office/login", url: "/office/login", expect: PUBLIC },
  // The insured person's area: own data only, ids in the path are someone else's → 404.
  { route: "/me", url: "/me", expect: PERSON },
  { route: "/me/card", url: "/me/card", expect: PERSON },
  { route: "/me/contributions", url: "/me/contributions", expect: PERSON },
  { route: "/me/linkage", url: "/me/linkage", expect: PERSON },
  { route: "/me/password", url: "/me/password", expect: PERSON },
  { route: "/me/proof", url: "/me/proof", expect: PERSON },
  {
    route: "/me/proof/[id]",
    url: "/me/proof/{self.proofId}",
    expect: PERSON,
    variants: [{ url: "/me/proof/{other.proofId}" }],
  },
  { route: "/me/retirement", url: "/me/retirement", expect: PERSON },
  { route: "/me/settlements", url: "/me/settlements", expect: PERSON },
  {
    route: "/me/settlements/[settlementId]",
    url: "/me/settlements/{self.settlementId}",
    expect: PERSON,
    variants: [{ url: "/me/settlements/{other.settlementId}" }],
  },
  { route: "/me/statement", url: "/me/statement", expect: PERSON },
  {
    route: "/me/statement/[entryId]",
    url: "/me/statement/{self.entryId}",
    expect: PERSON,
    variants: [{ url: "/me/statement/{other.entryId}" }],
  },
  { route: "/me/statement/print", url: "/me/statement/print", expect: PERSON },
  {
    route: "/me/statement/print/[id]",
    url: "/me/statement/print/{self.statementDocId}",
    expect: PERSON,
    variants: [{ url: "/me/statement/print/{other.statementDocId}" }],
  },
  // The employer clerk's area: own unit only; ?unit= of another unit and other units' employees → 404.
  { route: "/unit", url: "/unit", expect: CLERK, variants: [otherUnit("/unit")] },
  { route: "/unit/affected", url: "/unit/affected", expect: CLERK, variants: [otherUnit("/unit/affected")] },
  {
    route: "/unit/employees/[personalNumber]",
    url: "/unit/employees/{self.employee}",
    expect: CLERK,
    variants: [{ url: "/unit/employees/{other.employee}" }, otherUnit("/unit/employees/{self.employee}")],
  },
  { route: "/unit/months", url: "/unit/months", expect: CLERK, variants: [otherUnit("/unit/months")] },
  {
    route: "/unit/months/[month]",
    url: "/unit/months/2026-09",
    expect: CLERK,
    variants: [otherUnit("/unit/months/2026-09")],
  },
  // The office console: staff only; a person's file needs a look-up by the same staff member first.
  { route: "/office", url: "/office", expect: STAFF },
  { route: "/office/audit", url: "/office/audit", expect: STAFF },
  { route: "/office/linkage-requests", url: "/office/linkage-requests", expect: STAFF },
  { route: "/office/linkage-requests/new", url: "/office/linkage-requests/new", expect: STAFF },
  {
    route: "/office/linkage-requests/[id]",
    url: "/office/linkage-requests/{fx.requestId}",
    expect: STAFF,
    note: "any agency's staff may read a request; only the handling agency may decide it (actions below)",
  },
  {
    route: "/office/linkages/[id]",
    url: "/office/linkages/{fx.linkageId}",
    expect: STAFF,
    note: "any agency's staff may read a linkage; only the handling agency may cancel it",
  },
  { route: "/office/persons", url: "/office/persons", expect: STAFF },
  {
    route: "/office/persons/[id]",
    url: "/office/persons/{self.personId}",
    expect: "NNNNNYN",
    note: "S0001 looked person A up first (audited); S0003 did not and is sent to the look-up",
  },
  { route: "/office/security", url: "/office/security", expect: STAFF },
];

export const ROUTES: RouteRow[] = [
  {
    route: "GET /api/auth/[...nextauth]",
    url: "/api/auth/session",
    expect: PUBLIC,
    note: "Auth.js: each caller gets only their own session",
  },
  {
    route: "POST /api/auth/[...nextauth]",
    url: "/api/auth/session",
    body: { csrfToken: "{csrf}", data: { sessionVersion: 1 } },
    expect: NOBODY,
    after: "session-unchanged",
    note: "Auth.js session update over HTTP: refused (403) for everyone, the portal updates sessions on the server only; the spec also checks that the token's session version stays",
  },
  {
    route: "GET /api/bench/ceiling",
    url: "/api/bench/ceiling?id=1",
    expect: NOBODY,
    note: "benchmark ceiling (issue 8): 404 unless the server runs with PORTAL_BENCH=1, which turns it into an unauthenticated balance read by account id: never set outside the benchmark",
  },
  {
    route: "GET /api/v1/calculator/contribution",
    url: "/api/v1/calculator/contribution?category=unit-employee&month=2025-10&wage=6000.00",
    expect: PUBLIC,
  },
  {
    route: "GET /api/v1/calculator/retirement",
    url: "/api/v1/calculator/retirement?gender=M&totalMonths=341&localMonths=200&unitAverageBase=4775",
    expect: PUBLIC,
  },
  { route: "GET /api/v1/me/balance", url: "/api/v1/me/balance", expect: PERSON },
  { route: "GET /api/v1/me/card", url: "/api/v1/me/card", expect: PERSON },
  {
    route: "POST /api/v1/me/card/pre-loss",
    url: "/api/v1/me/card/pre-loss",
    expect: "N--NNNN",
    note: "no harmless probe: it pre-loses the caller's own card (no id is taken from the request)",
  },
  {
    route: "DELETE /api/v1/me/card/pre-loss",
    url: "/api/v1/me/card/pre-loss",
    expect: PERSON,
    note: "A's and B's cards are active: the person gets the business refusal, nothing changes",
  },
  { route: "GET /api/v1/me/contributions", url: "/api/v1/me/contributions", expect: PERSON },
  { route: "GET /api/v1/me/linkage", url: "/api/v1/me/linkage", expect: PERSON },
  {
    route: "POST /api/v1/me/linkage/check",
    url: "/api/v1/me/linkage/check",
    body: { provider: "{fx.checkProviderCard}", providerName: "{fx.checkProviderName}" },
    expect: PERSON,
    note: "read-only rule pre-check",
  },
  {
    route: "POST /api/v1/me/linkage/requests",
    url: "/api/v1/me/linkage/requests",
    body: { provider: "", providerName: "" },
    expect: PERSON,
    note: "empty body: the person gets the validation answer",
  },
  {
    route: "DELETE /api/v1/me/linkage/requests/[id]",
    url: "/api/v1/me/linkage/requests/{fx.requestId}",
    expect: NOBODY,
    note: "the fixture request belongs to a third person: every actor here is someone else",
  },
  { route: "GET /api/v1/me/settlements", url: "/api/v1/me/settlements", expect: PERSON },
  {
    route: "GET /api/v1/me/settlements/[settlementId]",
    url: "/api/v1/me/settlements/{self.settlementId}",
    expect: PERSON,
    variants: [{ url: "/api/v1/me/settlements/{other.settlementId}" }],
  },
  { route: "GET /api/v1/me/statement", url: "/api/v1/me/statement", expect: PERSON },
  {
    route: "GET /api/v1/me/statement/[entryId]",
    url: "/api/v1/me/statement/{self.entryId}",
    expect: PERSON,
    variants: [{ url: "/api/v1/me/statement/{other.entryId}" }],
  },
  { route: "GET /me/statement/export", url: "/me/statement/export?year=2026", expect: PERSON, note: "CSV" },
  {
    route: "GET /api/v1/office/linkage-requests",
    url: "/api/v1/office/linkage-requests?scope=all",
    expect: STAFF,
  },
  {
    route: "POST /api/v1/office/linkage-requests",
    url: "/api/v1/office/linkage-requests",
    body: { user: "", provider: "" },
    expect: STAFF,
    note: "empty body: staff get the validation answer",
  },
  {
    route: "GET /api/v1/office/linkage-requests/[id]",
    url: "/api/v1/office/linkage-requests/{fx.requestId}",
    expect: STAFF,
  },
  {
    route: "POST /api/v1/office/linkage-requests/[id]/approve",
    url: "/api/v1/office/linkage-requests/{fx.requestId}/approve",
    body: {},
    expect: "NNNNNYN",
    note: "the fixture lacks every paper: S0001 gets the missing-documents refusal; S0003 is of another agency",
  },
  {
    route: "POST /api/v1/office/linkage-requests/[id]/refuse",
    url: "/api/v1/office/linkage-requests/{fx.requestId}/refuse",
    body: { reason: "" },
    expect: "NNNNNY-",
    variants: [{ actors: ["staffOther"], body: { reason: "越权测试:他机构工作人员" } }],
    note: "empty reason: S0001 gets the validation answer; S0003 with a reason is refused (another agency)",
  },
  { route: "GET /api/v1/office/linkages/[id]", url: "/api/v1/office/linkages/{fx.linkageId}", expect: STAFF },
  {
    route: "POST /api/v1/office/linkages/[id]/cancel",
    url: "/api/v1/office/linkages/{fx.linkageId}/cancel",
    body: { reason: "" },
    expect: "NNNNNY-",
    variants: [{ actors: ["staffOther"], body: { reason: "越权测试:他机构工作人员" } }],
    note: "empty reason: S0001 gets the validation answer; S0003 with a reason is refused (another agency)",
  },
  {
    route: "POST /api/v1/settlements",
    url: "/api/v1/settlements",
    body: {},
    expect: NOBODY,
    variants: [
      {
        actors: ["anonymous"],
        expect: "Y",
        headers: { authorization: "Bearer {fx.institutionKey}" },
        body: {},
        note: "the institution's own key: validation answer",
      },
      {
        actors: ["anonymous", "personA", "staff"],
        headers: { authorization: "Bearer {fx.institutionKey}" },
        body: {
          institutionCode: "{fx.otherInstitution}",
          settlementNo: "AUTHZ-FOREIGN-1",
          cardNumber: "{fx.fixtureCard}",
          serviceDate: "2026-11-20",
          kind: "pharmacy",
          totalFen: 100,
          fundPayableFen: 0,
          selfPayFen: 100,
          channel: "card",
        },
        note: "one institution's key used for another institution's code",
      },
    ],
    note: "machine API: only a Bearer key counts, a portal session never does",
  },
  { route: "GET /api/v1/unit", url: "/api/v1/unit", expect: CLERK, variants: [otherUnit("/api/v1/unit")] },
  {
    route: "GET /api/v1/unit/affected",
    url: "/api/v1/unit/affected",
    expect: CLERK,
    variants: [otherUnit("/api/v1/unit/affected")],
  },
  {
    route: "GET /api/v1/unit/employees/[personalNumber]",
    url: "/api/v1/unit/employees/{self.employee}",
    expect: CLERK,
    variants: [
      { url: "/api/v1/unit/employees/{other.employee}" },
      otherUnit("/api/v1/unit/employees/{self.employee}"),
    ],
  },
  {
    route: "GET /api/v1/unit/months",
    url: "/api/v1/unit/months",
    expect: CLERK,
    variants: [otherUnit("/api/v1/unit/months")],
  },
  {
    route: "GET /api/v1/unit/months/[month]",
    url: "/api/v1/unit/months/2026-09",
    expect: CLERK,
    variants: [otherUnit("/api/v1/unit/months/2026-09")],
  },
  {
    route: "GET /api/v1/unit/months/[month]/employees.csv",
    url: "/api/v1/unit/months/2026-09/employees.csv",
    expect: CLERK,
    variants: [otherUnit("/api/v1/unit/months/2026-09/employees.csv")],
  },
];

export const ACTIONS: ActionRow[] = [
  {
    action: "lib/auth/sign-out.ts#signOutAction",
    form: null,
    expect: "N------",
    note: "without a session there is nothing to end: it sends to /login (a deny by the definition above); not called for signed-in actors, it would end the shared demo sessions of other specs",
  },
  {
    action: "app/(public)/login/actions.ts#signInPersonAction",
    form: {},
    expect: PUBLIC,
    note: "empty form: validation answer",
  },
  {
    action: "app/(employer)/unit/login/actions.ts#signInClerkAction",
    form: {},
    expect: PUBLIC,
    note: "empty form",
  },
  {
    action: "app/(office)/office/login/actions.ts#signInStaffAction",
    form: {},
    expect: PUBLIC,
    note: "empty form",
  },
  {
    action: "app/(person)/me/password/actions.ts#changePasswordAction",
    form: {
      currentPassword: "not-checked",
      newPassword: "Authz-matrix-2026",
      confirmPassword: "Authz-matrix-2027",
    },
    expect: PERSON,
    note: "confirmation differs: the person gets the validation answer, the password is never checked",
  },
  {
    action: "app/(person)/me/proof/actions.ts#issueProofAction",
    form: {},
    expect: PERSON,
    note: "issues the caller's own proof",
  },
  {
    action: "app/(person)/me/statement/print/actions.ts#issueStatementAction",
    form: { year: "19x" },
    expect: PERSON,
    note: "bad year: validation answer",
  },
  {
    action: "app/(person)/me/card/actions.ts#reportPreLossAction",
    form: { cardId: "{self.cardId}" },
    expect: PERSON,
    variants: [{ form: { cardId: "{other.cardId}", confirm: "yes" } }],
    note: "own card without the confirmation box: validation answer; the other person's card, confirmed: refused",
  },
  {
    action: "app/(person)/me/card/actions.ts#cancelPreLossAction",
    form: { cardId: "{self.cardId}" },
    expect: PERSON,
    variants: [{ form: { cardId: "{fx.preLostCardId}" } }],
    note: "own active card: business refusal; a third person's pre-lost card (A10000003): refused, stays pre-lost",
  },
  {
    action: "app/(person)/me/linkage/actions.ts#linkageApplicationAction",
    form: { provider: "{fx.checkProviderCard}", providerName: "{fx.checkProviderName}", intent: "check" },
    expect: PERSON,
    note: "the read-only pre-check",
  },
  {
    action: "app/(person)/me/linkage/actions.ts#withdrawLinkageRequestAction",
    form: { requestId: "{fx.requestId}" },
    expect: NOBODY,
    note: "the fixture request belongs to a third person",
  },
  {
    action: "app/(office)/office/(area)/persons/actions.ts#lookUpPersonAction",
    form: { query: "", reason: "" },
    expect: STAFF,
    note: "empty form: validation answer (the real look-ups run in the set-up)",
  },
  {
    action: "app/(office)/office/(area)/persons/actions.ts#cardAction",
    form: { personId: "{self.personId}", cardId: "{self.cardId}", operation: "cancelPreLoss" },
    expect: STAFF,
    variants: [{ form: { personId: "{other.personId}", cardId: "{self.cardId}", operation: "preLoss" } }],
    note: "A's active card: business refusal; a card named with another person's id: refused, card unchanged",
  },
  {
    action: "app/(office)/office/(area)/linkage-requests/actions.ts#createCounterRequestAction",
    form: { user: "", provider: "" },
    expect: STAFF,
    note: "empty form: validation answer",
  },
  {
    action: "app/(office)/office/(area)/linkage-requests/actions.ts#approveRequestAction",
    form: { requestId: "{fx.requestId}" },
    expect: "NNNNNYN",
    note: "no paper ticked: S0001 gets the missing-documents refusal; S0003 is of another agency",
  },
  {
    action: "app/(office)/office/(area)/linkage-requests/actions.ts#refuseRequestAction",
    form: { requestId: "{fx.requestId}", reason: "" },
    expect: "NNNNNY-",
    variants: [
      { actors: ["staffOther"], form: { requestId: "{fx.requestId}", reason: "越权测试:他机构工作人员" } },
    ],
    note: "empty reason: validation answer for S0001; S0003 with a reason is refused",
  },
  {
    action: "app/(office)/office/(area)/linkage-requests/actions.ts#cancelLinkageAction",
    form: { linkageId: "{fx.linkageId}", reason: "" },
    expect: "NNNNNY-",
    variants: [
      { actors: ["staffOther"], form: { linkageId: "{fx.linkageId}", reason: "越权测试:他机构工作人员" } },
    ],
    note: "empty reason: validation answer for S0001; S0003 with a reason is refused",
  },
  {
    action: "app/(office)/office/(area)/security/actions.ts#enrolTotpAction",
    form: {},
    expect: STAFF,
    note: "empty form: validation answer (enrols only the caller)",
  },
];
