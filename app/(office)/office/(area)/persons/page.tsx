import type { Metadata } from "next";
import { LookUpForm } from "@/components/office/forms";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireRole } from "@/lib/auth/guard";
import { LOOKUP_VALID_MINUTES } from "@/lib/services/look-up-person";
import { lookUpPersonAction } from "./actions";

export const metadata: Metadata = { title: "人员查询" };

export default async function PersonLookUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("staff");
  const expired = (await searchParams).expired === "1";
  return (
    <main className="mx-auto max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">人员查询</h1>
      {expired && (
        <FormMessage
          message={`查看参保人信息须先查询并填写原因;一次查询${LOOKUP_VALID_MINUTES}分钟内有效。`}
        />
      )}
      <p className="text-sm text-slate-700">
        每次查询都记录查询人、被查询人、时间和原因;查询后看到的是参保人本人所见的信息(证件号码已遮挡)。
      </p>
      <Card>
        <LookUpForm action={lookUpPersonAction} />
      </Card>
    </main>
  );
}
