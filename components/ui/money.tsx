import { formatYuan } from "@/lib/domain/money";

export function Money({ fen, signed = false, className = "" }: { fen: bigint; signed?: boolean; className?: string }) {
  const text = signed && fen > 0n ? `+${formatYuan(fen)}` : formatYuan(fen);
  return <span className={`tabular whitespace-nowrap ${className}`}>{text}</span>;
}
