// The web chat's reply protocol for pictures: an optional `image` with the SVG as a data: URL (shown through <img>,
// where nothing in it can run) and, for the check-up card, its rows for the HTML card; served with the page.
import { afterAll, describe, expect, it } from "vitest";
import { toOutgoing } from "../../../src/adapters/web/protocol.js";
import type { Reply } from "../../../src/core/types.js";
import { closeAll, startWebServer } from "./support.js";

afterAll(closeAll);

describe("web: pictures in replies", () => {
  it("carries a drawing as a base64 data: URL with its alt text, and nothing for a reply without one", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';
    const base: Reply = { intent: "stretch", text: "Step", suggestions: [], section: null };
    const outgoing = toOutgoing({
      ...base,
      image: { name: "stretch-step-1", alt: "A figure", svg, path: "x.svg" },
    });
    expect(outgoing.image?.name).toBe("stretch-step-1");
    expect(outgoing.image?.alt).toBe("A figure");
    const [prefix, data] = (outgoing.image?.src ?? "").split(",");
    expect(prefix).toBe("data:image/svg+xml;base64");
    expect(Buffer.from(data ?? "", "base64").toString("utf8")).toBe(svg);
    expect(outgoing.image?.card).toBeUndefined();
    expect("image" in toOutgoing(base)).toBe(false);
  });

  it("serves the pictures' script and style, and sends a stretch step's picture in the HTTP reply", async () => {
    const web = await startWebServer();
    const page = await fetch(`${web.url}/`);
    expect(await page.text()).toContain('<script src="/pictures.js" defer></script>');
    expect((await fetch(`${web.url}/pictures.js`)).status).toBe(200);
    expect((await fetch(`${web.url}/pictures.css`)).status).toBe(200);
    const cookie = page.headers.get("set-cookie")?.split(";")[0] ?? "";
    const reply = await fetch(`${web.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ type: "message", text: "/stretch" }),
    });
    const [step] = (await reply.json()) as { image?: { name: string; src: string } }[];
    expect(step?.image?.name).toBe("stretch-step-1");
    expect(step?.image?.src).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
