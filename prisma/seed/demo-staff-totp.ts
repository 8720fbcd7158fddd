/**
 * Demo staff second factor (README): fixed base32 TOTP secrets so reviewers and tests can sign in.
 * S0003 has none, to show enrolment. Demo data only: never used outside the seed.
 */
export const DEMO_STAFF_TOTP: Readonly<Record<string, string>> = {
  S0001: "KMYDAMBRFVSGK3LPFV2G65DQFVVWK6JB",
  S0002: "KMYDAMBSFVSGK3LPFV2G65DQFVVWK6JB",
};
