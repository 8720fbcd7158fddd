import { Money } from "@/components/ui/money";
import { axisLabel, type MonthEndBalance, monthLabel, valueAxis } from "@/lib/domain/balance-history";
import { formatYuan } from "@/lib/domain/money";
import type { Month } from "@/lib/domain/month";

interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Label every n-th month. */
  every: number;
  font: number;
}

const MOBILE: Layout = {
  width: 320,
  height: 200,
  left: 56,
  right: 32,
  top: 12,
  bottom: 30,
  every: 8,
  font: 12,
};
const DESKTOP: Layout = {
  width: 760,
  height: 260,
  left: 72,
  right: 36,
  top: 14,
  bottom: 32,
  every: 3,
  font: 12,
};

function Plot({
  id,
  points,
  layout,
  summary,
}: {
  id: string;
  points: MonthEndBalance[];
  layout: Layout;
  summary: string;
}) {
  const { width, height, left, right, top, bottom, every, font } = layout;
  const largest = points.reduce(
    (max, p) => (p.balanceFen !== null && p.balanceFen > max ? p.balanceFen : max),
    0n,
  );
  const axis = valueAxis(largest);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (points.length === 1 ? plotW / 2 : (plotW * i) / (points.length - 1));
  // Fen to pixels through Number only after scaling down to the axis: positions need no exact money.
  const y = (fen: bigint) => top + plotH - (plotH * Number((fen * 10_000n) / axis.maxFen)) / 10_000;
  const drawn = points
    .map((p, i) => ({ ...p, i }))
    .filter((p): p is typeof p & { balanceFen: bigint } => p.balanceFen !== null);
  const line = drawn
    .map((p, n) => `${n === 0 ? "M" : "L"}${x(p.i).toFixed(1)},${y(p.balanceFen).toFixed(1)}`)
    .join(" ");
  const area =
    drawn.length > 1
      ? `${line} L${x(drawn.at(-1)!.i).toFixed(1)},${(top + plotH).toFixed(1)} L${x(drawn[0]!.i).toFixed(1)},${(top + plotH).toFixed(1)} Z`
      : "";
  const last = drawn.at(-1);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full"
      fontSize={font}
    >
      <title id={`${id}-title`}>{`近${points.length}个月个人账户月末余额走势`}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {axis.ticksFen.map((t) => (
        <g key={t.toString()}>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeWidth={1} />
          <text x={left - 6} y={y(t)} dy="0.35em" textAnchor="end" fill="#475569">
            {axisLabel(t)}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % every === (points.length - 1) % every ? (
          <text key={p.month} x={x(i)} y={height - 8} textAnchor="middle" fill="#475569">
            {monthLabel(p.month)}
          </text>
        ) : null,
      )}
      {area && <path d={area} fill="#d9eaff" opacity={0.6} />}
      {line && <path d={line} fill="none" stroke="#1d5fbf" strokeWidth={2} strokeLinejoin="round" />}
      {drawn.map((p) => (
        <circle
          key={p.month}
          cx={x(p.i)}
          cy={y(p.balanceFen)}
          r={p === last ? 4 : 2.5}
          fill={p === last ? "#123b77" : "#1d5fbf"}
        />
      ))}
    </svg>
  );
}

/**
 * The 24-month balance chart: plain SVG drawn on the server (one for narrow screens, one for wide), with
 * the same figures as a table in a <details> for screen readers and anyone who wants the numbers.
 */
export function BalanceChart({ points, currentMonth }: { points: MonthEndBalance[]; currentMonth: Month }) {
  const known = points.filter((p): p is MonthEndBalance & { balanceFen: bigint } => p.balanceFen !== null);
  const first = known[0];
  const last = known.at(-1);
  const highest = known.reduce<(typeof known)[number] | undefined>(
    (h, p) => (h === undefined || p.balanceFen > h.balanceFen ? p : h),
    undefined,
  );
  const lowest = known.reduce<(typeof known)[number] | undefined>(
    (l, p) => (l === undefined || p.balanceFen < l.balanceFen ? p : l),
    undefined,
  );
  const summary =
    first && last && highest && lowest
      ? `${monthLabel(first.month)}末余额${formatYuan(first.balanceFen)},当前余额${formatYuan(last.balanceFen)};最高为${monthLabel(highest.month)}的${formatYuan(highest.balanceFen)},最低为${monthLabel(lowest.month)}的${formatYuan(lowest.balanceFen)}。`
      : "这段时间没有账户记录。";
  const label = (m: Month) => (m === currentMonth ? `${monthLabel(m)}(截至目前)` : monthLabel(m));
  return (
    <figure className="mt-4" aria-labelledby="balance-chart-caption">
      <figcaption id="balance-chart-caption" className="text-sm font-medium text-slate-800">
        近{points.length}个月余额走势(月末余额)
      </figcaption>
      <div className="mt-2 sm:hidden">
        <Plot id="balance-chart-narrow" points={points} layout={MOBILE} summary={summary} />
      </div>
      <div className="mt-2 hidden sm:block">
        <Plot id="balance-chart-wide" points={points} layout={DESKTOP} summary={summary} />
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700 underline underline-offset-4">
          以表格查看每月余额
        </summary>
        <table className="mt-2 w-full max-w-sm text-sm" data-testid="balance-history-table">
          <caption className="sr-only">近{points.length}个月个人账户月末余额</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                月份
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                月末余额
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month} className="border-b border-slate-100" data-month={p.month}>
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {label(p.month)}
                </th>
                <td className="py-1 text-right">
                  {p.balanceFen === null ? "—" : <Money fen={p.balanceFen} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
