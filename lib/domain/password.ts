import { DomainError } from "./errors";

/**
 * A new password: 8-64 characters with at least one letter and one digit, and never the initial
 * password (anyone who knows the personal number knows that one).
 */
export function assertAcceptablePassword(password: string, forbidden: readonly string[] = []): void {
  if (password.length < 8 || password.length > 64) {
    throw new DomainError("WEAK_PASSWORD", "新密码长度应为8到64位", { field: "newPassword" });
  }
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    throw new DomainError("WEAK_PASSWORD", "新密码须同时包含字母和数字", { field: "newPassword" });
  }
  if (forbidden.some((f) => f.length > 0 && password.includes(f))) {
    throw new DomainError("WEAK_PASSWORD", "新密码不能包含初始密码或个人编号", { field: "newPassword" });
  }
}
