import type { ActionState } from "@/lib/auth/guard";

export interface StaffSignInState extends ActionState {
  step?: "password" | "code";
}
