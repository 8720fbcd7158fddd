/**
 * Read replicas (issue 8): with replica URLs, statement reads go to a replica through Prisma's
 * read-replicas extension, while postings are written to the primary. The "replica" here is a second
 * database on the same server (no streaming replication on this machine), made different on purpose
 * so the test can tell which one answered.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, createReadDb, type Db } from "@/lib/db/client";
import { listStatement } from "@/lib/services/list-statement";
import { runPrisma } from "@/scripts/prisma";
import { createPerson, createReferenceData, fund, truncateAll } from "@/tests/factories";

let primary: Db;
let replica: Db;
let replicaUrl: string;

beforeAll(async () => {
  const url = inject("databaseUrl");
  primary = createDb(url);
  replicaUrl = url.replace(/\/[^/?]+(\?|$)/, "/portal_it_replica$1");
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS portal_it_replica WITH (FORCE)");
  await admin.query("CREATE DATABASE portal_it_replica");
  await admin.end();
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: replicaUrl });
  replica = createDb(replicaUrl);
}, 120_000);

afterAll(async () => {
  await primary.$disconnect();
  await replica.$disconnect();
});

describe("createReadDb", () => {
  it("without replica URLs is the primary itself", () => {
    expect(createReadDb(primary, [])).toBe(primary);
  });

  it("routes reads to the replica and leaves postings on the primary", async () => {
    await truncateAll(primary);
    const { funds, agencyId } = await createReferenceData(primary);
    const { person, account } = await createPerson(primary, { agencyId });
    await fund(primary, funds, account!.id, 12_345n);
    // The replica holds the same person with no money movements yet (a lagging replica).
    await truncateAll(replica);
    const r = await createReferenceData(replica);
    const onReplica = await createPerson(replica, { agencyId: r.agencyId });
    expect(onReplica.person.id).toBe(person.id);

    const reads = createReadDb(primary, [replicaUrl]);
    const fromReplica = await listStatement(reads, { personId: person.id });
    const fromPrimary = await listStatement(primary, { personId: person.id });
    expect(fromPrimary.rows.map((e) => e.amountFen)).toEqual([12_345n]);
    expect(fromReplica.rows).toEqual([]);
    expect(await reads.posting.count()).toBe(0);
    expect(await primary.posting.count()).toBe(1);
    expect(await replica.posting.count()).toBe(0);
  });
});
