import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "./select-field";

/** A plain GET form whose query is the retirement API's own. */
export function RetirementForm({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <form method="get" action="/calculator/retirement" noValidate className="space-y-4" aria-labelledby="form-title">
      <div>
        <h2 id="form-title" className="text-base font-semibold">
          退休时医保缴费年限是否够
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          随单位参保的职工办理退休时,医保缴费年限男须满30年、女须满25年(含视同缴费年限),其中在本市实际缴费满10年。
        </p>
      </div>
      {Object.keys(errors).length > 0 && <FormMessage message="请按提示更正后重新计算。" />}
      <SelectField
        label="性别"
        name="gender"
        defaultValue={values.gender}
        error={errors.gender}
        options={[
          { value: "", label: "请选择" },
          { value: "M", label: "男" },
          { value: "F", label: "女" },
        ]}
      />
      <Field
        label="总缴费月数"
        name="totalMonths"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.totalMonths}
        error={errors.totalMonths}
        hint="含视同缴费年限;例如 28年5个月 填 341"
      />
      <Field
        label="本市实际缴费月数"
        name="localMonths"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.localMonths}
        error={errors.localMonths}
        hint="在重庆实际缴费的月数,已包含在总缴费月数中"
      />
      <Field
        label="单位上年度平均月缴费基数(元)"
        name="unitAverageBase"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={values.unitAverageBase}
        error={errors.unitAverageBase}
        hint="总缴费月数不足时填写,用于计算一次性缴费,如 4775"
      />
      <button
        type="submit"
        className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-base font-medium text-white hover:bg-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 sm:w-auto"
      >
        计算
      </button>
    </form>
  );
}
