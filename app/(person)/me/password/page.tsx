import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireRole } from "@/lib/auth/guard";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const principal = await requireRole("person", { allowPasswordChange: true });
  return (
    <main className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">修改密码</h1>
      {principal.mustChangePassword && (
        <FormMessage tone="success" message="您正在使用初始密码(个人编号后6位)。为保障账户安全,请先设置新密码,然后才能使用其他功能。" />
      )}
      <Card>
        <PasswordForm />
      </Card>
    </main>
  );
}
