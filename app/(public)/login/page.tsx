import type { Metadata } from "next";
import Link from "next/link";
import { SessionExpiredNotice } from "@/components/auth/session-expired-notice";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { signInPersonAction } from "./actions";

export const metadata: Metadata = { title: "参保人登录" };

export default async function PersonLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { expired } = await searchParams;
  return (
    <main className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">参保人登录</h1>
      {expired === "1" && <SessionExpiredNotice who="person" />}
      <Card>
        <SignInForm
          action={signInPersonAction}
          fields={[
            {
              name: "loginId",
              label: "社会保障卡号或身份证号",
              autoComplete: "username",
              hint: "卡号为1位字母加8位数字,如 A10000001",
            },
            {
              name: "password",
              label: "密码",
              type: "password",
              autoComplete: "current-password",
              hint: "首次登录的初始密码为个人编号后6位,登录后须修改",
            },
          ]}
        />
      </Card>
      <p className="text-sm text-slate-700">
        单位经办人请从<Link className="text-brand-700 underline" href="/unit/login">单位登录</Link>进入;经办机构工作人员请从
        <Link className="text-brand-700 underline" href="/office/login">经办人员登录</Link>进入。
      </p>
    </main>
  );
}
