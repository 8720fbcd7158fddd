import { AreaNav } from "@/components/ui/area-nav";
import { requireRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export default async function PersonLayout({ children }: { children: React.ReactNode }) {
  const principal = await requireRole("person", { allowPasswordChange: true });
  return (
    <>
      <AreaNav
        who={`${principal.name} 您好`}
        links={
          principal.mustChangePassword
            ? []
            : [
                { href: "/me", label: "账户概览" },
                { href: "/me/statement", label: "账户明细" },
                { href: "/me/contributions", label: "缴费记录" },
                { href: "/me/settlements", label: "就诊结算" },
                { href: "/me/linkage", label: "账户关联" },
                { href: "/me/card", label: "社保卡" },
                { href: "/me/retirement", label: "退休年限" },
                { href: "/me/proof", label: "参保证明" },
                { href: "/me/password", label: "修改密码" },
              ]
        }
      />
      {children}
    </>
  );
}
