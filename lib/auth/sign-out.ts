"use server";

import { signOut } from "@/lib/auth/config";
import { requestIp } from "@/lib/auth/client-ip";
import { getPrincipal, LOGIN_PATH } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { revokeSessions } from "@/lib/services/revoke-sessions";

/**
 * Signing out ends this session and every other one of the same principal (the session version goes
 * up); without a session it just goes to the person sign-in page.
 */
export async function signOutAction(): Promise<void> {
  const principal = await getPrincipal();
  if (principal) await revokeSessions(db(), { role: principal.role, id: principal.id, ip: await requestIp() });
  await signOut({ redirectTo: principal ? LOGIN_PATH[principal.role] : "/login" });
}
