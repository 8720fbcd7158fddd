import Link from "next/link";

const entries = [
  { href: "/login", title: "参保人", text: "查询个人账户余额、明细、缴费和就医结算记录" },
  { href: "/unit/login", title: "单位经办人", text: "查询单位月度缴费、欠费及职工明细" },
  { href: "/office/login", title: "经办机构工作人员", text: "账户关联审批、社保卡挂失补办、人员查询" },
];

export default function HomePage() {
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">重庆医保个人账户查询门户</h1>
        <p className="mt-2 text-slate-700">职工医保个人账户余额与明细,一处查清。咨询电话 12333、023-63892269。</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-3">
        {entries.map((e) => (
          <li key={e.href}>
            <Link href={e.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <span className="block text-lg font-semibold text-brand-700">{e.title}</span>
              <span className="mt-1 block text-sm text-slate-700">{e.text}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">
        无需登录:
        <Link href="/calculator" className="text-brand-700 underline">
          医保缴费计算器
        </Link>
        (职工、退休人员、灵活就业、城乡居民缴费与退休缴费年限测算)
      </p>
    </main>
  );
}
