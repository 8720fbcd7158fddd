/**
 * The part of the Auth.js configuration that reads and writes the session token, without providers
 * or database: config.ts adds the sign-ins, proxy.ts uses it alone to refresh the last-seen time on
 * each page or API read (pages cannot set cookies themselves).
 */
import type { NextAuthConfig } from "next-auth";
import { LONGEST_SESSION_SECONDS } from "@/lib/domain/session-timeouts";
import type { Role } from "@/lib/services/sign-in";
import { nextSessionToken } from "./session-token";

declare module "next-auth" {
  interface User {
    role?: Role;
    principalId?: number;
    sessionVersion?: number;
  }
  interface Session {
    role: Role;
    principalId: number;
    sessionVersion: number;
  }
}

export const sessionConfig = {
  trustHost: true,
  // The cookie outlives every role's absolute limit; the limits per role are enforced in the jwt callback.
  session: { strategy: "jwt", maxAge: LONGEST_SESSION_SECONDS },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt: ({ token, user, trigger, session }) => nextSessionToken(token, { user, trigger, session }, Date.now()),
    session({ session, token }) {
      session.role = token.role as Role;
      session.principalId = token.principalId as number;
      session.sessionVersion = token.sessionVersion as number;
      return session;
    },
  },
} satisfies NextAuthConfig;
