import type { Metadata } from "next";
import { EnrolForm } from "@/components/office/forms";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTimeCst } from "@/lib/domain/dates";
import { newTotpSecret, signEnrolment, signingKey, totpUri } from "@/lib/services/totp";
import { enrolTotpAction } from "./actions";

export const metadata: Metadata = { title: "动态口令" };

/** Groups of four, as authenticator apps show secrets for typing in by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireRole("staff");
  const done = (await searchParams).done === "enrolled";
  const staff = await db().staff.findUniqueOrThrow({
    where: { id: principal.id },
    select: { staffNumber: true, totpEnabledAt: true },
  });

  if (staff.totpEnabledAt) {
    return (
      <main className="mx-auto max-w-xl space-y-4">
        <h1 className="text-xl font-semibold">动态口令</h1>
        {done && (
          <FormMessage tone="success" message="动态口令已启用。下次登录时,密码正确后还需输入6位动态口令。" />
        )}
        <Card>
          <p className="text-sm" data-testid="totp-status">
            已于 {formatDateTimeCst(staff.totpEnabledAt)} 启用。登录时须输入身份验证器上的6位动态口令。
          </p>
          <p className="mt-2 text-sm text-slate-700">更换手机或丢失身份验证器,请联系系统管理员重置。</p>
        </Card>
      </main>
    );
  }

  const secret = newTotpSecret();
  const signature = signEnrolment(principal.id, secret, signingKey());
  return (
    <main className="mx-auto max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">启用动态口令</h1>
      <p className="text-sm text-slate-700">
        经办人员登录须有第二重验证。请在手机上安装身份验证器(如 Google Authenticator、Microsoft Authenticator
        或 FreeOTP),添加下面的账户,再输入它显示的6位数字。
      </p>
      <Card title="1. 在身份验证器中添加账户">
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-slate-600">密钥(手动输入,基于时间)</dt>
            <dd className="tabular break-all text-base font-medium" data-testid="totp-secret">
              {grouped(secret)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">账户名</dt>
            <dd>{staff.staffNumber}</dd>
          </div>
          <div>
            <dt className="text-slate-600">配置链接(可生成二维码)</dt>
            <dd className="break-all text-xs text-slate-700">{totpUri(secret, staff.staffNumber)}</dd>
          </div>
        </dl>
      </Card>
      <Card title="2. 输入动态口令完成启用">
        <EnrolForm action={enrolTotpAction} secret={secret} signature={signature} />
      </Card>
    </main>
  );
}
