/**
 * npm test: lint, typecheck, Vitest (unit + integration on a real embedded PostgreSQL), a production
 * build, and Playwright in Chromium against that build. Each step starts what it needs and stops it.
 * Ends with one line "N passed, N failed" counting the Vitest and Playwright tests.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/runtime";

const REPORTS = path.join(ROOT, "tests", ".artifacts");

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return new Promise((resolve) => {
    child.once("error", (error) => {
      console.error(error);
      resolve(false);
    });
    child.once("exit", (code) => {
      console.log(`=== ${label}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
      resolve(code === 0);
    });
  });
}

const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/**
 * Counted from Vitest's JSON report, not its exit code: Vitest 5 here exits 0 when a test file fails
 * to load (a failed suite with no failed test), which would let a broken file pass unnoticed.
 */
function vitestCounts(): { passed: number; failed: number } {
  const file = path.join(REPORTS, "vitest.json");
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    success: boolean;
  };
  const failed = r.numFailedTests + r.numFailedTestSuites;
  return { passed: r.numPassedTests, failed: failed === 0 && !r.success ? 1 : failed };
}

function playwrightCounts(): { passed: number; failed: number } {
  const file = path.join(REPORTS, "playwright.json");
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky };
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(path.join(REPORTS, "screenshots"), { recursive: true });

const steps: [string, () => Promise<boolean>][] = [
  ["lint (biome)", () => run("lint (biome)", bin("biome"), ["lint", "."])],
  ["typecheck (tsc)", () => run("typecheck (tsc)", bin("tsc"), ["--noEmit", "-p", "."])],
  [
    "vitest",
    () => run("vitest (unit + integration)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(REPORTS, "vitest.json")}`]),
  ],
  ["build", () => run("next build", bin("next"), ["build"], { NODE_ENV: "production" })],
  [
    "playwright",
    () =>
      run("playwright (chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(REPORTS, "playwright.json"),
      }),
  ],
];

const failedSteps: string[] = [];
for (const [name, step] of steps) {
  if (!(await step())) failedSteps.push(name);
  if (name === "vitest" && vitestCounts().failed > 0 && !failedSteps.includes(name)) failedSteps.push(name);
}

const v = vitestCounts();
const p = playwrightCounts();
console.log(`\nvitest: ${v.passed} passed, ${v.failed} failed; playwright: ${p.passed} passed, ${p.failed} failed`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(", ")}`);
const failed = v.failed + p.failed + (failedSteps.length > 0 && v.failed + p.failed === 0 ? 1 : 0);
console.log(`${v.passed + p.passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
