import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { signInStaffAction } from "./actions";

export const metadata: Metadata = { title: "经办人员登录" };

export default function StaffLoginPage() {
  return (
    <main className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">经办机构工作人员登录</h1>
      <Card>
        <SignInForm
          action={signInStaffAction}
          fields={[
            { name: "staffNumber", label: "工号", autoComplete: "username", hint: "如 S0001" },
            { name: "password", label: "密码", type: "password", autoComplete: "current-password" },
          ]}
        />
      </Card>
      <p className="text-sm text-slate-700">所有查询与操作均记入审计日志。</p>
    </main>
  );
}
