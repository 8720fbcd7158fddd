/** A labelled filter control for GET forms, with its message beside it when the value was refused. */
export function FilterField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (props: {
    id: string;
    name: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
    className: string;
  }) => React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        name: id,
        ...(error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {}),
        className: `mt-1 w-full rounded-md border bg-white px-3 py-2 ${error ? "border-red-700" : "border-slate-300"}`,
      })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
