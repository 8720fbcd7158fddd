/**
 * Auth.js (next-auth v5): three credentials sign-ins, JWT sessions carrying the role.
 * The checks themselves live in lib/services/sign-in.ts; this file only wires them in.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ipOfRequest } from "@/lib/auth/client-ip";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { checkStaffPassword, type Principal, signInClerk, signInPerson, verifyStaffSecondFactor } from "@/lib/services/sign-in";
import { readStaffChallenge, signingKey, signStaffChallenge } from "@/lib/services/totp";
import { sessionConfig } from "./session-config";

/** Carries a DomainError's Chinese message to the sign-in action; `field` says where to show it. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    message: string,
    readonly field: string | undefined,
  ) {
    super(message);
    this.code = message;
  }
}

/** The staff password was right and a TOTP code must follow: carries the signed challenge to the action. */
export class SecondFactorRequired extends CredentialsSignin {
  constructor(readonly challenge: string) {
    super("请输入动态口令");
    this.code = "请输入动态口令";
  }
}

function toUser(principal: Principal) {
  return {
    id: `${principal.role}:${principal.id}`,
    name: principal.name,
    role: principal.role,
    principalId: principal.id,
    sessionVersion: principal.sessionVersion,
  };
}

async function refuseOnDomainError(run: () => Promise<Principal>) {
  try {
    return toUser(await run());
  } catch (error) {
    if (isDomainError(error)) throw new SignInRefused(error.message, error.field);
    throw error;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The address scripts/serve.ts stamped from the socket: sign-in throttling counts failures by it. */
function clientIp(request: Request): string | null {
  return ipOfRequest(request);
}

async function signInStaffStep(c: Partial<Record<string, unknown>>, ip: string | null): Promise<Principal | string> {
  const challenge = text(c.challenge);
  if (challenge) {
    return verifyStaffSecondFactor(db(), { challenge: readStaffChallenge(challenge, signingKey()), code: text(c.code), ip });
  }
  const { principal, needsTotp } = await checkStaffPassword(db(), { staffNumber: text(c.staffNumber), password: text(c.password), ip });
  return needsTotp ? signStaffChallenge({ staffId: principal.id, sessionVersion: principal.sessionVersion }, signingKey()) : principal;
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  // Session token, cookie lifetime and the idle/absolute timeouts: shared with proxy.ts.
  ...sessionConfig,
  logger: {
    // A refused sign-in is an expected outcome, not a server error worth a stack trace in the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      id: "person",
      credentials: { loginId: {}, password: {} },
      authorize: (c, request) =>
        refuseOnDomainError(() =>
          signInPerson(db(), { loginId: text(c.loginId), password: text(c.password), ip: clientIp(request) }),
        ),
    }),
    Credentials({
      id: "clerk",
      credentials: { unitNumber: {}, username: {}, password: {} },
      authorize: (c, request) =>
        refuseOnDomainError(() =>
          signInClerk(db(), {
            unitNumber: text(c.unitNumber),
            username: text(c.username),
            password: text(c.password),
            ip: clientIp(request),
          }),
        ),
    }),
    Credentials({
      id: "staff",
      // Either staffNumber + password, or (second step, TOTP enrolled) the signed challenge + code.
      credentials: { staffNumber: {}, password: {}, challenge: {}, code: {} },
      authorize: async (c, request) => {
        let step: Principal | string;
        try {
          step = await signInStaffStep(c, clientIp(request));
        } catch (error) {
          if (isDomainError(error)) throw new SignInRefused(error.message, error.field);
          throw error;
        }
        if (typeof step === "string") throw new SecondFactorRequired(step);
        return toUser(step);
      },
    }),
  ],
});
