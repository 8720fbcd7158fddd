import { AreaNav } from "@/components/ui/area-nav";
import { requireRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export default async function UnitLayout({ children }: { children: React.ReactNode }) {
  const principal = await requireRole("clerk");
  return (
    <>
      <AreaNav
        who={`经办人 ${principal.name}`}
        links={[
          { href: "/unit", label: "单位概览" },
          { href: "/unit/months", label: "月度缴费" },
          { href: "/unit/affected", label: "欠费影响职工" },
        ]}
      />
      {children}
    </>
  );
}
