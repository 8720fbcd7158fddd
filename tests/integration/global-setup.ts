import type { TestProject } from "vitest/node";
import { freshDatabase, openTestCluster } from "@/scripts/lib/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database for the integration suite; files run one after another and truncate. */
export default async function setup(project: TestProject) {
  // INTEGRATION_CLUSTER keeps parallel runs apart (own Postgres data directory).
  const cluster = await openTestCluster(process.env.INTEGRATION_CLUSTER ?? "integration");
  const url = await freshDatabase(cluster, "portal_it");
  project.provide("databaseUrl", url);
  return async () => {
    await cluster.stop();
  };
}
