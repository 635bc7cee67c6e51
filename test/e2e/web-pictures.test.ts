// The web chat's pictures in headless Debian Chromium on a phone-sized screen, against the real engine: each stretch
// step shows its drawing inline in its bubble with its alt text, and the check-up ends with an HTML result card.
// Screenshots go to test/artifacts/ (gitignored). Needs /usr/bin/chromium: skipped without it, failed without it in CI.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StretchData } from "../../src/core/dialogues/stretch.js";
import { loadIntents } from "../../src/node/load.js";
import { closeAll, startWebServer, type WebServer } from "../adapters/web/support.js";
import { ARTIFACTS, launchChromium } from "../support/browser.js";
import { INTENTS_DIR } from "../support/data.js";
import { CHROMIUM, describeNeeding } from "../support/system-programs.js";

const PHONE = { width: 390, height: 844 };
const describeInBrowser = describeNeeding(
  CHROMIUM,
  "browser test of the web chat's pictures (test/e2e/web-pictures.test.ts)",
);
const stretch = loadIntents(INTENTS_DIR).dialogues.stretch as StretchData;

function botRows(page: Page) {
  return page.locator("#log > li.row.bot");
}

describeInBrowser("web chat pictures in a real browser", () => {
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

  async function phonePage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    if (browser === undefined) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(web.url) && !request.url().startsWith("data:"))
        problems.push(`external request: ${request.url()}`);
    });
    await page.goto(web.url);
    await page.locator("#status", { hasText: "Connected" }).waitFor();
    return { page, problems, close: () => context.close() };
  }

  it("shows each stretch step's drawing inline in its bubble, with its alt text, on a phone", async () => {
    const { page, problems, close } = await phonePage();
    await page.locator("#text").fill("/stretch");
    await page.locator("#text").press("Enter");
    for (let step = 1; step <= stretch.steps.length; step++) {
      const row = botRows(page).nth(step);
      await row.waitFor({ timeout: 15_000 });
      const img = row.locator(".bubble figure.picture img");
      const alt = stretch.pictures?.[step - 1]?.alt ?? "?";
      // Found by its accessible name: the alt text is what a screen reader says.
      expect(await row.getByRole("img", { name: alt }).count()).toBe(1);
      expect(await img.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
      // The drawing is decoded and drawn, within the screen's width.
      await expect
        .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      const box = await img.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(150);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      expect(await row.locator(".bubble").textContent()).toContain(`Step ${step} —`);
      if (step === 1) {
        await img.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ARTIFACTS, "web-stretch-step-1.png"), animations: "disabled" });
      }
      if (step < stretch.steps.length) await page.getByRole("button", { name: "Next step" }).click();
    }
    await page.screenshot({ path: join(ARTIFACTS, "web-stretch-step-6.png"), animations: "disabled" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
    await close();
  }, 90_000);

  it("ends the check-up with an HTML card: each habit, its state and the section its tip comes from", async () => {
    const { page, problems, close } = await phonePage();
    await page.locator("#checkup").click();
    for (const [i, label] of ["2 litres or more", "Rarely or never", "Most days", "Hardly any"].entries()) {
      await botRows(page)
        .nth(i + 1)
        .waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: label }).click();
    }
    await botRows(page).nth(5).waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Calm, sleeping well" }).click();
    const last = botRows(page).nth(6);
    await last.waitFor({ timeout: 15_000 });
    const card = last.locator(".bubble figure.result-card");
    expect(await card.locator("figcaption").textContent()).toBe("Your habits at a glance");
    const rows = await card.locator("li").allTextContents();
    expect(rows).toEqual([
      "✓WaterLooks fine",
      "!StretchingWorth a lookfrom Calf stretch",
      "✓Nuts and seedsLooks fine",
      "!Sun or vitamin DWorth a lookfrom Vitamin D supplements",
      "✓Stress and sleepLooks fine",
    ]);
    expect(await card.locator("li.look").count()).toBe(2);
    // The text still says it all.
    expect(await last.locator(".bubble").textContent()).toContain(
      "Already looking fine: water, nuts and seeds",
    );
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "web-checkup-card.png"), animations: "disabled" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
    await close();
  }, 90_000);
});
