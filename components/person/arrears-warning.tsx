import type { PersonBenefit } from "@/lib/services/get-person-benefit";

/** The unit-arrears warning on the contributions page: which months, when benefits stop, the deadline, the remedy. */
export function ArrearsWarning({ arrears }: { arrears: NonNullable<PersonBenefit["arrears"]> }) {
  return (
    <section
      aria-labelledby="arrears-title"
      className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-sm text-red-950"
      data-testid="arrears-warning"
    >
      <h2 id="arrears-title" className="text-base font-semibold">
        {arrears.title}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li data-testid="arrears-owed">{arrears.owed}</li>
        <li data-testid="arrears-suspension">{arrears.suspension}</li>
        <li data-testid="arrears-deadline">{arrears.deadline}</li>
        <li data-testid="arrears-restore">{arrears.restore}</li>
      </ul>
    </section>
  );
}
