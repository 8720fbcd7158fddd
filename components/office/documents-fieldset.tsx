import { LINKAGE_DOCUMENTS, type LinkageDocuments } from "@/lib/domain/linkage";

/** The papers checklist (seed 001) as checkboxes; staff tick what they have seen. */
export function DocumentsFieldset({
  checked,
  legend = "材料核验",
}: {
  checked?: Partial<LinkageDocuments>;
  legend?: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {LINKAGE_DOCUMENTS.map((d) => (
        <label key={d.key} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={d.key}
            defaultChecked={checked?.[d.key] ?? false}
            className="mt-1 h-4 w-4 accent-brand-600"
          />
          <span>{d.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The same checklist, read-only. */
export function DocumentsList({ documents }: { documents: LinkageDocuments }) {
  return (
    <ul className="space-y-1 text-sm" aria-label="材料核验情况">
      {LINKAGE_DOCUMENTS.map((d) => (
        <li key={d.key} className="flex items-start gap-2">
          <span aria-hidden="true" className={documents[d.key] ? "text-green-700" : "text-red-700"}>
            {documents[d.key] ? "✓" : "✗"}
          </span>
          <span>
            {d.label}
            <span className="sr-only">{documents[d.key] ? "(已核验)" : "(未核验)"}</span>
            {!documents[d.key] && <span className="ml-1 text-xs text-red-700">未核验</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
