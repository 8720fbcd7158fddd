import { SESSION_LIMITS, type SessionRole } from "@/lib/domain/session-timeouts";

/** Shown on a sign-in page reached with ?expired=1: why the session ended, with the limits of this role. */
export function SessionExpiredNotice({ who }: { who: SessionRole }) {
  const { idleMinutes, absoluteHours } = SESSION_LIMITS[who];
  const elsewhere = who === "person" ? "在其他地方退出登录或修改密码后" : "在其他地方退出登录后";
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      登录已过期,请重新登录。(连续{idleMinutes}分钟无操作或登录满{absoluteHours}小时后须重新登录;{elsewhere},原登录也会失效。)
    </p>
  );
}
