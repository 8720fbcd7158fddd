import { Money } from "@/components/ui/money";
import type { ArrearsConsequence, UnitArrearsOutlook } from "@/lib/domain/unit-arrears";

function daysText(daysLeft: number): string {
  if (daysLeft < 0) return "已过期";
  return daysLeft === 0 ? "今天是最后一天" : `还剩 ${daysLeft} 天`;
}

/** The next thing that happens to the employees unless the unit pays, as one sentence with its deadline. */
export function NextConsequence({ next }: { next: ArrearsConsequence }) {
  const what =
    next.kind === "BENEFITS_STOP"
      ? `${next.month} 欠费的职工停止享受医保统筹待遇`
      : `${next.month} 欠费导致的停保期间医疗费用不再予以支付`;
  return (
    <div data-testid="next-consequence">
      <p className="text-base font-semibold">
        <span className="tabular" data-testid="next-consequence-date">
          {next.date}
        </span>{" "}
        起,{what}
      </p>
      <p className="mt-1">
        须在 <span className="tabular font-medium">{next.payBy}</span> 前缴纳{" "}
        <Money fen={next.amountFen} className="font-semibold" />
        (按先欠先缴,含更早月份欠费),{daysText(next.daysLeft)}。
      </p>
    </div>
  );
}

/** What already applies today: since when benefits are stopped, and which months' gaps are past saving. */
export function ConsequencesInEffect({ outlook }: { outlook: UnitArrearsOutlook }) {
  const stopped = outlook.inEffect.filter((c) => c.kind === "BENEFITS_STOP");
  const lost = outlook.inEffect.filter((c) => c.kind === "GAP_NOT_COVERED");
  if (stopped.length === 0 && lost.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="consequences-in-effect">
      {stopped.length > 0 && (
        <li>
          自 <span className="tabular">{stopped[0]!.date}</span> 起,欠费月份(
          {stopped.map((c) => c.month).join("、")})的职工已停止享受统筹待遇,缴清后次月恢复。
        </li>
      )}
      {lost.length > 0 && (
        <li>
          {lost.map((c) => c.month).join("、")}{" "}
          欠费已超过3个月:补缴后停保期间的医疗费用不予支付,个人账户按规定补划。
        </li>
      )}
    </ul>
  );
}
