import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The database drivers load native code; Next must require them at run time instead of bundling them.
  serverExternalPackages: ["@libsql/client", "pg"],
  // The Dockerfile builds with NEXT_OUTPUT=standalone: a server with only the files it needs, in .next/standalone.
  // Otherwise the build is the one `next start` serves (it warns about a standalone build).
  ...(process.env.NEXT_OUTPUT === "standalone" && { output: "standalone" }),
};

export default nextConfig;
