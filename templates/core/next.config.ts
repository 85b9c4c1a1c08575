import type { NextConfig } from "next";
import { API_HEADERS, BASE_SECURITY_HEADERS } from "./src/lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The database drivers load native code; Next must require them at run time instead of bundling them.
  serverExternalPackages: ["@libsql/client", "pg"],
  // The CI workflow's Build step sets SKIP_BUILD_TYPECHECK: its Typecheck step has checked these types already.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "true" },
  // The Dockerfile builds with NEXT_OUTPUT=standalone: a server with only the files it needs, in .next/standalone.
  // Otherwise the build is the one `next start` serves (it warns about a standalone build).
  ...(process.env.NEXT_OUTPUT === "standalone" && { output: "standalone" }),
  // The security headers on the responses src/proxy.ts does not see: static files and the whole API (whose front
  // door, src/lib/api/front-door.ts, adds CORS). Of two rules setting one header the last wins, so API responses get
  // the API's. HSTS and a page's Content-Security-Policy depend on settings read at run time (APP_URL, a storage
  // bucket's origin), so the proxy and the API's front door set them.
  async headers() {
    const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers: asList(BASE_SECURITY_HEADERS) },
      { source: "/api/:path*", headers: asList(API_HEADERS) },
    ];
  },
};

export default nextConfig;
