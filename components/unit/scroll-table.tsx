/**
 * A table that may be wider than a phone: it scrolls sideways inside this region, which keyboard users
 * can focus and scroll (axe scrollable-region-focusable) and screen readers hear named.
 */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to be scrolled by keyboard.
      tabIndex={0}
      className="-mx-4 overflow-x-auto px-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      {children}
    </section>
  );
}
