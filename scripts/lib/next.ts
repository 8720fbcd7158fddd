import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./runtime";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export function hasBuild(): boolean {
  return existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"));
}

export function runNext(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
}

export function runNextToEnd(args: string[], env: Record<string, string>): Promise<void> {
  const child = runNext(args, env);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} 失败,退出码 ${code}`))));
  });
}

/** The production server (scripts/serve.ts): Next's handler behind a Node server that knows the client's address. */
export function runServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
  });
}
