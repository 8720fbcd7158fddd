import { AreaNav } from "@/components/ui/area-nav";
import { requireRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export default async function OfficeLayout({ children }: { children: React.ReactNode }) {
  const principal = await requireRole("staff");
  return (
    <>
      <AreaNav
        who={`工作人员 ${principal.name}`}
        links={[
          { href: "/office", label: "工作台" },
          { href: "/office/linkage-requests", label: "关联申请" },
          { href: "/office/persons", label: "人员查询" },
          { href: "/office/audit", label: "审计日志" },
          { href: "/office/security", label: "动态口令" },
        ]}
      />
      {children}
    </>
  );
}
