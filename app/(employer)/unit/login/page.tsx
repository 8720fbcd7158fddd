import type { Metadata } from "next";
import { SessionExpiredNotice } from "@/components/auth/session-expired-notice";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { signInClerkAction } from "./actions";

export const metadata: Metadata = { title: "单位经办人登录" };

export default async function ClerkLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { expired } = await searchParams;
  return (
    <main className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">单位经办人登录</h1>
      {expired === "1" && <SessionExpiredNotice who="clerk" />}
      <Card>
        <SignInForm
          action={signInClerkAction}
          fields={[
            { name: "unitNumber", label: "单位编号", inputMode: "numeric", hint: "10位数字", autoComplete: "organization" },
            { name: "username", label: "经办人用户名", autoComplete: "username" },
            { name: "password", label: "密码", type: "password", autoComplete: "current-password" },
          ]}
        />
      </Card>
    </main>
  );
}
