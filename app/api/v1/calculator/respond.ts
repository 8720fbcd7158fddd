/**
 * The calculator API's one way of answering. Other systems call these endpoints, so every answer,
 * errors included, is JSON in UTF-8: 200 with the figures, 400 for a missing or malformed parameter,
 * 422 for a period the policy table does not cover, 429 with Retry-After for a burst from one address
 * (RATE_LIMITS.calculator). Public and sessionless by design (DOMAIN §1).
 */
import { limitByAddress } from "@/lib/auth/throttle";
import { type Calculation, paramsOf, type RawParams } from "@/lib/services/calculate-params";

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

export function calculatorRoute<T>(
  calculate: (params: RawParams) => Calculation<T>,
  render: (value: T) => Record<string, number | boolean>,
) {
  return async (request: Request): Promise<Response> => {
    const limited = await limitByAddress(request, "calculator");
    if (limited) return limited;
    try {
      const outcome = calculate(paramsOf(new URL(request.url).searchParams));
      if (outcome.ok) return json(render(outcome.value), 200);
      const [first] = outcome.errors;
      return json({ error: { code: first?.code ?? "INVALID_PARAMETER", message: first?.apiMessage ?? "参数有误" } }, outcome.status);
    } catch (error) {
      // Every input is answered above; reaching here is a bug in the calculator, not the caller's fault.
      console.error(error);
      return json({ error: { code: "INTERNAL", message: "系统繁忙,请稍后再试" } }, 500);
    }
  };
}
