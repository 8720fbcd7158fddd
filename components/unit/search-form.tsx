import Link from "next/link";

/** GET search over one month's employees: works without JavaScript, the query stays in the URL. */
export function EmployeeSearchForm({ action, q, size }: { action: string; q: string | null; size?: number }) {
  return (
    <form
      method="get"
      action={action}
      aria-label="查找职工"
      className="flex flex-wrap items-end gap-3 no-print"
    >
      <div className="min-w-0 flex-1 sm:flex-none">
        <label htmlFor="q" className="block text-sm font-medium text-slate-800">
          姓名或个人编号
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          maxLength={20}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600 sm:w-64"
        />
      </div>
      {size !== undefined && <input type="hidden" name="size" value={size} />}
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        查询
      </button>
      {q && (
        <Link href={action} className="py-2 text-sm text-brand-700 underline underline-offset-4">
          清除条件
        </Link>
      )}
    </form>
  );
}
