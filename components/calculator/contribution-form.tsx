import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "./select-field";

export type ContributionSection = "unit-employee" | "unit-retiree" | "individual" | "resident";

const HEADINGS: Record<ContributionSection, { title: string; text: string }> = {
  "unit-employee": { title: "随单位参保的在职职工", text: "输入月份和月工资,算出单位和个人每月缴多少、个人账户划入多少。" },
  "unit-retiree": { title: "随单位参保的退休人员", text: "退休人员不缴费;输入月份和出生日期,算出个人账户每月划入和扣减。" },
  individual: { title: "以个人身份参保(灵活就业)", text: "选择档次和年度,算出全年缴费。" },
  resident: { title: "城乡居民医保", text: "选择档次和年度,算出个人全年缴费。" },
};

/**
 * A plain GET form: the query it produces is the API's own (/calculator?category=…&month=…&wage=…),
 * so it works without JavaScript and a result can be bookmarked or shared.
 */
export function ContributionForm({
  section,
  values,
  errors,
  months,
  years,
}: {
  section: ContributionSection;
  values: Record<string, string>;
  errors: Record<string, string>;
  months: { first: string; last: string };
  years: number[];
}) {
  const heading = HEADINGS[section];
  const hasErrors = Object.keys(errors).length > 0;
  const unit = section === "unit-employee" || section === "unit-retiree";
  const yearOptions = years.map((y) => ({ value: String(y), label: `${y}年` }));
  return (
    <form method="get" action="/calculator" noValidate className="space-y-4" aria-labelledby="form-title">
      <div>
        <h2 id="form-title" className="text-base font-semibold">
          {heading.title}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{heading.text}</p>
      </div>
      {/* A unit section's category is hidden, so its error can only be told here. */}
      {hasErrors && <FormMessage message={(unit && errors.category) || "请按提示更正后重新计算。"} />}

      {unit && (
        <>
          <input type="hidden" name="category" value={section} />
          <Field
            label="月份"
            name="month"
            type="month"
            min={months.first}
            max={months.last}
            defaultValue={values.month}
            error={errors.month}
            hint={`格式如 2025-10;可计算 ${months.first} 至 ${months.last}`}
          />
        </>
      )}

      {section === "unit-employee" && (
        <Field
          label="月工资(元)"
          name="wage"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.wage}
          error={errors.wage}
          hint="税前应发工资,如 6000 或 6000.00;低于下限或高于上限的按下限或上限计"
        />
      )}

      {section === "unit-retiree" && (
        <Field
          label="出生日期"
          name="birthDate"
          type="date"
          autoComplete="bday"
          defaultValue={values.birthDate}
          error={errors.birthDate}
          hint="格式如 1957-03-15;年满70周岁的当月起按较高标准划入"
        />
      )}

      {(section === "individual" || section === "resident") && (
        <>
          <SelectField
            label="缴费档次"
            name="category"
            defaultValue={values.category}
            error={errors.category}
            options={
              section === "individual"
                ? [
                    { value: "individual-tier1", label: "一档" },
                    { value: "individual-tier2", label: "二档" },
                  ]
                : [
                    { value: "resident-tier1", label: "一档" },
                    { value: "resident-tier2", label: "二档" },
                  ]
            }
          />
          <SelectField
            label="年度"
            name="year"
            defaultValue={values.year}
            error={errors.year}
            options={yearOptions}
          />
        </>
      )}

      <button
        type="submit"
        className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-base font-medium text-white hover:bg-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 sm:w-auto"
      >
        计算
      </button>
    </form>
  );
}
