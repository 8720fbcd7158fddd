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
                { href: "/me/statement", label: "个人账户明细" },
                { href: "/me/password", label: "修改密码" },
              ]
        }
      />
      {children}
    </>
  );
}
