import Link from "next/link";
import { Hotlines } from "@/components/public/hotline";

const AUDIENCES = [
  {
    title: "参保人",
    text: "查询个人账户余额、明细、缴费和就医结算记录,办理社保卡预挂失、账户关联申请。",
    action: { href: "/login", label: "参保人登录" },
    more: [
      { href: "/faq#account-pays", label: "个人账户能支付哪些费用" },
      { href: "/faq#card-loss", label: "社保卡丢了怎么办" },
    ],
  },
  {
    title: "单位经办人",
    text: "查询单位月度缴费、欠费及职工缴费明细,导出报表。",
    action: { href: "/unit/login", label: "单位经办人登录" },
    more: [
      { href: "/calculator?category=unit-employee", label: "单位职工缴费测算" },
      { href: "/faq#unit-arrears", label: "欠费对职工待遇的影响" },
    ],
  },
  {
    title: "经办机构工作人员",
    text: "账户关联审批、社保卡挂失补办、参保人查询(全程留痕)。",
    action: { href: "/office/login", label: "工作人员登录" },
    more: [{ href: "/agencies", label: "各经办机构地址电话" }],
  },
] as const;

const PUBLIC_SERVICES = [
  { href: "/agencies", title: "经办机构", text: "医保中心及各区分中心的地址、电话、邮编" },
  { href: "/institutions", title: "定点医药机构", text: "定点医院、基层医疗机构、药店和健身场所" },
  { href: "/drugs", title: "药品目录", text: "按名称或编码查药品的甲乙类别和支付限定" },
  { href: "/treatments", title: "诊疗项目", text: "检查、治疗、手术等项目的类别和支付说明" },
  {
    href: "/calculator",
    title: "医保缴费计算器",
    text: "职工、退休人员、灵活就业、城乡居民缴费与退休缴费年限测算",
  },
  { href: "/faq", title: "常见问题", text: "个人账户、统筹基金、社保卡挂失、账户关联等" },
] as const;

export default function HomePage() {
  return (
    <main className="space-y-8">
      <section aria-labelledby="welcome" className="space-y-3">
        <h1 id="welcome" className="text-2xl font-semibold">
          重庆医保个人账户查询门户
        </h1>
        <p className="text-slate-700">
          职工医保个人账户余额与明细,一处查清;药品目录、定点机构等公共信息无需登录即可查询。
        </p>
        <Hotlines className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3" />
      </section>

      <section aria-labelledby="who" className="space-y-3">
        <h2 id="who" className="text-lg font-semibold">
          我要办事
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {AUDIENCES.map((a) => (
            <li
              key={a.title}
              className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            >
              <h3 className="text-lg font-semibold text-brand-700">{a.title}</h3>
              <p className="mt-1 text-sm text-slate-700">{a.text}</p>
              <ul className="mt-3 flex-1 space-y-1 text-sm">
                {a.more.map((m) => (
                  <li key={m.href}>
                    <Link href={m.href} className="text-brand-700 underline underline-offset-4">
                      {m.label}
                    </Link>
                  </li>
                ))}
              </ul>
              <Link
                href={a.action.href}
                className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 text-center text-white hover:bg-brand-800"
              >
                {a.action.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="public" className="space-y-3">
        <h2 id="public" className="text-lg font-semibold">
          公众服务(无需登录)
        </h2>
        <search aria-label="目录快速查询">
          <form
            method="get"
            action="/drugs"
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <label htmlFor="home-q" className="block text-sm font-medium text-slate-800">
              查药品或诊疗项目(名称、编码均可)
            </label>
            <div className="mt-1 flex flex-wrap gap-2">
              <input
                id="home-q"
                name="q"
                type="search"
                placeholder="例如:阿莫西林、胃镜"
                className="min-w-0 flex-1 basis-48 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
              />
              <button
                type="submit"
                className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
              >
                查药品
              </button>
              <button
                type="submit"
                formAction="/treatments"
                className="rounded-md border border-brand-700 bg-white px-4 py-2 text-brand-700 hover:bg-brand-50"
              >
                查诊疗项目
              </button>
            </div>
          </form>
        </search>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {PUBLIC_SERVICES.map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
              >
                <span className="block font-semibold text-brand-700">{s.title}</span>
                <span className="mt-1 block text-sm text-slate-700">{s.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
