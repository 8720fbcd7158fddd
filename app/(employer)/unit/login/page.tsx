import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { signInClerkAction } from "./actions";

export const metadata: Metadata = { title: "单位经办人登录" };

export default function ClerkLoginPage() {
  return (
    <main className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">单位经办人登录</h1>
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
