import { AreaNav } from "@/components/ui/area-nav";
import { requireRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export default async function OfficeLayout({ children }: { children: React.ReactNode }) {
  const principal = await requireRole("staff");
  return (
    <>
      <AreaNav who={`工作人员 ${principal.name}`} links={[{ href: "/office", label: "工作台" }]} />
      {children}
    </>
  );
}
