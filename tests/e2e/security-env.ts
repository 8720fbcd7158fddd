/**
 * A Playwright worker fixture for the security specs: the build's entry points, the seven actors
 * signed in (HTTP only, no browser), and the parties' ids. Created lazily on first use, so the mobile
 * project, which skips these specs, never signs anyone in.
 */
import { test as base, type TestInfo } from "@playwright/test";
import { ACTORS, type Actor } from "../security/authorization-matrix";
import {
  ActorSession,
  type BuiltEntries,
  builtEntries,
  callAction,
  loadWorld,
  type World,
} from "./security-harness";

export interface SecurityEnv {
  entries: BuiltEntries;
  sessions: Record<Actor, ActorSession>;
  world: World;
}

/** These specs look at HTTP answers only: the viewport changes nothing, so one project runs them. */
export function desktopOnly(testInfo: TestInfo) {
  base.skip(testInfo.project.name !== "desktop", "HTTP-level checks: the desktop project runs them once");
}

async function open(): Promise<SecurityEnv> {
  const entries = builtEntries();
  const sessions = {} as Record<Actor, ActorSession>;
  // One at a time: sign-ins hash passwords, and the machine is shared with other suites.
  for (const actor of ACTORS) sessions[actor] = await ActorSession.open(actor, entries.actions);
  const world = await loadWorld(sessions.personA, sessions.personB);
  // S0001 looks person A up (reason required, audited): opening A's file is then allowed for S0001 only.
  const lookedUp = await callAction(
    sessions.staff.api,
    sessions.staff.action("app/(office)/office/(area)/persons/actions.ts#lookUpPersonAction"),
    { query: world.one.cardNumber, reason: "安全测试:授权矩阵" },
  );
  if (lookedUp.redirect !== `/office/persons/${world.one.personId}`) {
    throw new Error(`S0001's look-up of A failed: ${JSON.stringify(lookedUp.result)}`);
  }
  return { entries, sessions, world };
}

export const test = base.extend<
  { security: () => Promise<SecurityEnv> },
  { securityWorker: () => Promise<SecurityEnv> }
>({
  securityWorker: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      let env: Promise<SecurityEnv> | undefined;
      await use(() => {
        env ??= open();
        return env;
      });
      if (env) for (const s of Object.values((await env).sessions)) await s.dispose();
    },
    { scope: "worker" },
  ],
  security: async ({ securityWorker }, use) => use(securityWorker),
});

export { expect } from "@playwright/test";
