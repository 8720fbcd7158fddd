import type { Metadata } from "next";
import { SessionExpiredNotice } from "@/components/auth/session-expired-notice";
import { StaffSignInForm } from "@/components/office/staff-sign-in-form";
import { Card } from "@/components/ui/card";
import { signInStaffAction } from "./actions";

export const metadata: Metadata = { title: "经办人员登录" };

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { expired } = await searchParams;
  return (
    <main className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">经办机构工作人员登录</h1>
      {expired === "1" && <SessionExpiredNotice who="staff" />}
      <Card>
        <StaffSignInForm action={signInStaffAction} />
      </Card>
      <p className="text-sm text-slate-700">
        已启用动态口令的工作人员,密码正确后还需输入身份验证器上的6位动态口令。所有查询与操作均记入审计日志。
      </p>
    </main>
  );
}
