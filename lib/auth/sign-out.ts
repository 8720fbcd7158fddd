"use server";

import { signOut } from "@/lib/auth/config";
import { getPrincipal, LOGIN_PATH } from "@/lib/auth/guard";

/** Signing out needs a session to end; without one it just goes to the person sign-in page. */
export async function signOutAction(): Promise<void> {
  const principal = await getPrincipal();
  await signOut({ redirectTo: principal ? LOGIN_PATH[principal.role] : "/login" });
}
