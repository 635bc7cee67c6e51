// The real chat page in headless Debian Chromium (playwright-core) against the real engine: ask, follow up, check-up,
// "Helpful?" with the keyboard and a screen reader's view of it, a long pasted story, and the notices the page shows
// for an over-cap message and for too many open chat windows.
// Needs Debian's /usr/bin/chromium (.ci/run installs it): skipped with one line without it, failed without it in CI.
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeAll, longStory, startWebServer, type WebServer } from "../adapters/web/support.js";
import { ARTIFACTS, launchChromium } from "../support/browser.js";
import { CHROMIUM, describeNeeding } from "../support/system-programs.js";

const describeInBrowser = describeNeeding(
  CHROMIUM,
  "browser test of the web chat (test/e2e/web-chat.test.ts)",
);

/** The bot rows in the log (the greeting is the first). */
function botRows(page: Page) {
  return page.locator("#log > li.row.bot");
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").trim();
}

/** Pastes `value` into the message box from the clipboard, as a person does (Ctrl+V), and checks it arrived whole. */
async function paste(page: Page, value: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(value)})`);
  await page.locator("#text").focus();
  await page.keyboard.press("ControlOrMeta+V");
}

/** A browser context whose pages may use the clipboard. */
async function pasteContext(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
  return context;
}

/** Waits for bot row `index` and returns its bubble's text. */
async function botText(page: Page, index: number): Promise<string> {
  const row = botRows(page).nth(index);
  await row.waitFor({ timeout: 15_000 });
  return text(row.locator(".bubble"));
}

describeInBrowser("web chat in a real browser", () => {
  let browser: Browser | undefined;
  let web: WebServer;

  beforeAll(async () => {
    browser = await launchChromium();
    web = await startWebServer();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await closeAll();
  });

  it("answers a question with its source, follows a quick reply and runs /checkup on a phone", async () => {
    if (browser === undefined) throw new Error("the browser did not start");
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(web.url) && !request.url().startsWith("data:"))
        external.push(request.url());
    });

    await page.goto(web.url);
    await page.locator("#status", { hasText: "Connected" }).waitFor();
    expect(await page.getByText("Not medical advice").first().isVisible()).toBe(true);

    // A question typed and sent with Enter.
    await page.locator("#text").fill("how much magnesium should I take?");
    await page.locator("#text").press("Enter");
    const answer = await botText(page, 1);
    expect(answer).toContain("100 mg, two to three times a day");
    expect(answer).toContain("Not medical advice");
    const source = botRows(page).nth(1).locator(".source");
    expect(await text(source)).toBe("Source: What Causes Leg Cramps? › Magnesium Deficiency › Supplements");
    expect(await text(botRows(page).nth(1).locator("strong").first())).toBe(
      "100 mg, two to three times a day",
    );
    expect(await botRows(page).nth(1).locator("ul > li").count()).toBe(3);
    expect(await text(page.locator("#log > li.row.user").last())).toBe("how much magnesium should I take?");

    // The follow-up quick reply.
    await page.getByRole("button", { name: "Vitamin D supplements" }).click();
    const followUp = await botText(page, 2);
    expect(followUp).toContain("1000 IU a day");
    expect(await text(botRows(page).nth(2).locator(".source"))).toBe(
      "Source: What Causes Leg Cramps? › Vitamin D Deficiency › Supplements",
    );
    // Only the latest reply's suggestions remain.
    expect(await page.locator("#log .quick-replies").count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "web-chat.png"), animations: "disabled" });

    // /checkup from the header button, then one step answered with the keyboard on a quick reply.
    await page.locator("#checkup").click();
    expect(await botText(page, 3)).toContain("1/5");
    await page.getByRole("button", { name: "1–2 litres" }).focus();
    await page.keyboard.press("Enter");
    expect(await botText(page, 4)).toContain("2/5");

    // Text that looks like HTML is shown as text and never runs.
    const attack = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await page.locator("#text").fill(attack);
    await page.getByRole("button", { name: "Send" }).click();
    await botRows(page).nth(5).waitFor({ timeout: 15_000 });
    expect(await text(page.locator("#log > li.row.user").last())).toBe(attack);
    expect(await page.locator("#log img, #log script").count()).toBe(0);
    expect(await page.evaluate("window.__pwned")).toBeUndefined();

    // Phone layout: nothing wider than the screen, composer on screen.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    const composer = await page.locator("#composer").boundingBox();
    expect((composer?.y ?? Number.POSITIVE_INFINITY) + (composer?.height ?? 0)).toBeLessThanOrEqual(844);
    await page.screenshot({ path: join(ARTIFACTS, "web-chat-end.png"), animations: "disabled" });

    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  }, 60_000);

  it("offers 'Helpful?' under an answer, reachable by keyboard, labelled, and announces the thanks", async () => {
    if (browser === undefined) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(web.url);
    await page.locator("#status", { hasText: "Connected" }).waitFor();
    await page.locator("#text").fill("hello");
    await page.locator("#text").press("Enter");
    await botRows(page).nth(1).waitFor({ timeout: 15_000 });
    // Small talk asks nothing.
    expect(await botRows(page).nth(1).locator(".feedback").count()).toBe(0);
    await page.locator("#text").fill("how much magnesium should I take?");
    await page.locator("#text").press("Enter");
    expect(await botText(page, 2)).toContain("100 mg");
    const answer = botRows(page).nth(2);

    // What a screen reader finds: a group named by the question, two buttons with spoken labels, an empty status.
    const group = answer.getByRole("group", { name: "Was this answer helpful?" });
    expect(await group.ariaSnapshot()).toMatch(
      /group "Was this answer helpful\?"[\s\S]*button "Yes, this answer was helpful"[\s\S]*button "No, this answer was not helpful"/,
    );
    const status = group.getByRole("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await text(status)).toBe("");
    expect(await text(answer.locator(".feedback .vote").first())).toBe("👍 Helpful");

    // From the message box, Shift+Tab walks back through the answer's suggestions to the votes.
    await page.locator("#text").focus();
    const focusedLabel = () => page.evaluate("document.activeElement?.getAttribute('aria-label') ?? ''");
    let presses = 0;
    while ((await focusedLabel()) !== "No, this answer was not helpful" && presses < 12) {
      await page.keyboard.press("Shift+Tab");
      presses++;
    }
    expect(await focusedLabel()).toBe("No, this answer was not helpful");
    await page.keyboard.press("Shift+Tab");
    expect(await focusedLabel()).toBe("Yes, this answer was helpful");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");

    // The thanks is written into the live region; the votes go and focus returns to the message box.
    await status.filter({ hasText: "Thanks for telling me" }).waitFor({ timeout: 15_000 });
    expect(await answer.locator(".feedback button").count()).toBe(0);
    expect(await page.evaluate("document.activeElement?.id")).toBe("text");
    // No bubble for the thanks; the did-you-mean suggestions sit under the answer voted on, the only ones left.
    expect(await botRows(page).count()).toBe(3);
    expect(await page.locator("#log .quick-replies").count()).toBe(1);
    expect(await answer.locator(".quick-replies button").count()).toBeGreaterThan(0);
    expect(web.seen.filter((m) => m.buttonId?.startsWith("vote:no:magnesium.supplements:"))).toHaveLength(1);
    // A did-you-mean suggestion works like any other.
    await answer.locator(".quick-replies button").first().click();
    await botRows(page).nth(3).waitFor({ timeout: 15_000 });
    expect(await text(botRows(page).nth(3).locator(".source"))).toMatch(/^Source: /);
    await page.screenshot({ path: join(ARTIFACTS, "web-chat-feedback.png"), animations: "disabled" });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("lays out as a centred column on a desktop screen", async () => {
    if (browser === undefined) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.locator("#status", { hasText: "Connected" }).waitFor();
    await page.locator("#text").fill("what causes night leg cramps?");
    await page.locator("#text").press("Enter");
    expect(await botText(page, 1)).toContain("Source");
    const box = await page.locator(".app").boundingBox();
    expect(box?.width).toBeLessThan(800);
    await page.screenshot({ path: join(ARTIFACTS, "web-chat-desktop.png"), animations: "disabled" });
    await context.close();
  }, 60_000);

  it("takes a 2,300-character paste whole and answers the red flag at its end", async () => {
    if (browser === undefined) throw new Error("the browser did not start");
    const context = await pasteContext(browser, web.url);
    const page = await context.newPage();
    await page.goto(web.url);
    await page.locator("#status", { hasText: "Connected" }).waitFor();
    const story = longStory(2300);
    expect(story.indexOf("swollen")).toBeGreaterThan(2000);
    await paste(page, story);
    // Nothing was cut on the way in: not by the box, not on the wire.
    expect(await page.locator("#text").inputValue()).toBe(story);
    await page.locator("#text").press("Enter");
    const reply = await botText(page, 1);
    expect(reply).toContain("Please seek medical help now");
    expect(web.seen.at(-1)?.text).toBe(story);
    expect(await text(page.locator("#log > li.row.user").last())).toBe(story);
    // The composer is still on a phone screen after a long paste.
    const composer = await page.locator("#composer").boundingBox();
    expect((composer?.y ?? Number.POSITIVE_INFINITY) + (composer?.height ?? 0)).toBeLessThanOrEqual(844);
    await page.screenshot({ path: join(ARTIFACTS, "web-chat-long-paste.png"), animations: "disabled" });
    await context.close();
  }, 60_000);

  it("tells the person when a message is over the cap, reconnects, and answers the next one", async () => {
    if (browser === undefined) throw new Error("the browser did not start");
    const small = await startWebServer({ maxMessageBytes: 4096 });
    const context = await pasteContext(browser, small.url);
    const page = await context.newPage();
    await page.goto(small.url);
    await page.locator("#status", { hasText: "Connected" }).waitFor();
    await paste(page, longStory(5000, "Is that normal?"));
    await page.locator("#text").press("Enter");
    const notice = page.locator("#log > li.row.notice").last();
    await notice.waitFor({ timeout: 15_000 });
    expect(await text(notice)).toContain("That message is too long for me to receive (the limit is 4 KB)");
    expect(await page.locator("#typing").isHidden()).toBe(true);
    await page.locator("#status", { hasText: "Connected" }).waitFor({ timeout: 15_000 });
    await page.locator("#text").fill("what causes night leg cramps?");
    await page.locator("#text").press("Enter");
    await page.locator("#log > li.row.bot:not(.notice)").nth(1).waitFor({ timeout: 15_000 });
    expect(await text(page.locator("#log > li.row.bot:not(.notice)").nth(1))).toContain("Source");
    expect(small.seen).toHaveLength(1);
    await context.close();
  }, 60_000);

  it("says so when the chat is open in too many tabs, and still answers there over HTTP", async () => {
    if (browser === undefined) throw new Error("the browser did not start");
    const capped = await startWebServer({ maxSocketsPerClient: 1 });
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(capped.url);
    await first.locator("#status", { hasText: "Connected" }).waitFor();
    const second = await context.newPage();
    await second.goto(capped.url);
    const notice = second.locator("#log > li.row.notice").last();
    await notice.waitFor({ timeout: 15_000 });
    expect(await text(notice)).toContain("The chat is open in too many windows or tabs");
    await second.locator("#status", { hasText: "too many chat windows" }).waitFor({ timeout: 15_000 });
    await second.locator("#text").fill("how much magnesium should I take?");
    await second.locator("#text").press("Enter");
    await second.locator("#log > li.row.bot:not(.notice)").nth(1).waitFor({ timeout: 15_000 });
    expect(await text(second.locator("#log > li.row.bot:not(.notice)").nth(1))).toContain("100 mg");
    await context.close();
  }, 60_000);
});
