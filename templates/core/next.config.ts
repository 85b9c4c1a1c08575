import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The database drivers load native code; Next must require them at run time instead of bundling them.
  serverExternalPackages: ["@libsql/client", "pg"],
};

export default nextConfig;
