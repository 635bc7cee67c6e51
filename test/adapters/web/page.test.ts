// The chat page and its assets: served with the session cookie and a strict CSP; the script never builds HTML from text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CookieClient, closeAll, startWebServer } from "./support.js";

const PUBLIC = join(import.meta.dirname, "..", "..", "..", "src", "adapters", "web", "public");

afterEach(closeAll);

describe("web adapter: the chat page", () => {
  it("serves the page with a new session cookie, a strict CSP and no caching", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(client.cookie).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const html = await response.text();
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain("Not medical advice");

    // A returning visitor keeps the id (with a fresh expiry).
    const first = client.cookie;
    await client.get("/");
    expect(client.cookie).toBe(first);
  });

  it("serves the script and the stylesheet, answers HEAD and 304, and leaves other paths to the service", async () => {
    const web = await startWebServer();
    const js = await fetch(`${web.url}/chat.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const etag = js.headers.get("etag") ?? "";
    expect((await fetch(`${web.url}/chat.js`, { headers: { "if-none-match": etag } })).status).toBe(304);
    const css = await fetch(`${web.url}/chat.css?v=1`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const head = await fetch(`${web.url}/`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("set-cookie")).toMatch(/^crampbot_sid=/);
    expect((await fetch(`${web.url}/`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${web.url}/healthz`)).status).toBe(404);
    expect((await fetch(`${web.url}/public/chat.js`)).status).toBe(404);
    expect((await fetch(`${web.url}/ws`)).status).toBe(426);
  });

  it("has no inline script or external URL, and the script inserts text only as text", () => {
    const html = readFileSync(join(PUBLIC, "index.html"), "utf8");
    const js = readFileSync(join(PUBLIC, "chat.js"), "utf8");
    const css = readFileSync(join(PUBLIC, "chat.css"), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    for (const text of [html, js, css]) expect(text).not.toMatch(/https?:\/\//);
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(js).toContain("textContent");
  });
});
