"use client";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ children = "打印" }: { children?: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2"
    >
      {children}
    </button>
  );
}
