import { signOutAction } from "@/lib/auth/sign-out";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
        退出登录
      </button>
    </form>
  );
}
