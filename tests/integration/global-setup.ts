import type { TestProject } from "vitest/node";
import { freshDatabase, openTestCluster } from "@/scripts/lib/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database for the integration suite; files run one after another and truncate. */
export default async function setup(project: TestProject) {
  // A cluster of this run's own (or a named one that is kept): parallel runs never share a database.
  const named = process.env.INTEGRATION_CLUSTER;
  const cluster = await openTestCluster(named ?? "integration", { ephemeral: named === undefined });
  const url = await freshDatabase(cluster, "portal_it");
  project.provide("databaseUrl", url);
  return async () => {
    await cluster.stop();
  };
}
