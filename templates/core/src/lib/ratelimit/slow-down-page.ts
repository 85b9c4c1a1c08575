import { site } from "@/config/site";
import { escapeHtml } from "@/lib/ui/escape-html";
import { PAGE_VIEWS_PER_MINUTE } from "./page-views";

/**
 * The page a browser gets once its session has opened PAGE_VIEWS_PER_MINUTE pages in a minute: a 429 that says, in
 * words, how long to wait, and reloads the page by itself once the wait is over. One small document with no script.
 */
export function slowDownResponse(retryAfter: number): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retryAfter}">
<title>One moment · ${escapeHtml(site.name)}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100dvh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 28rem; padding: 2rem; text-align: center; line-height: 1.5; }
  h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
  p { margin: 0; opacity: 0.8; }
</style>
</head>
<body>
<main>
<h1>One moment, please</h1>
<p>This browser opened more than ${PAGE_VIEWS_PER_MINUTE} pages in the last minute. The page reloads by itself in ${retryAfter} seconds; nothing you did is lost.</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(retryAfter),
      "Cache-Control": "no-store",
    },
  });
}
