// How the form looks in different places: narrow and wide, zoomed, dark and light, forced
// colours, and the size of everything a pointer has to hit. Also the standalone page built for a
// sub-path with `trunk build --public-url`.

import assert from "node:assert/strict";
import { cp, mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { after, afterEach, before, beforeEach, test } from "node:test";

import { STRICT_CSP, fillSeedCustomer, openForm, useSiteAndBrowser } from "../lib/harness.mjs";

const subpathDist =
  process.env.FORM_DIST_SUBPATH ?? resolve(import.meta.dirname, "..", "..", "target", "dist-subpath");

const env = useSiteAndBrowser({ after, afterEach, before, beforeEach }, { csp: STRICT_CSP });

async function formAt(width, options = {}) {
  const page = await openForm(env.browser, `${env.site.base}/`);
  await page.setViewportSize({ width, height: 900 });
  if (options.media) await page.emulateMedia(options.media);
  await page.getByRole("button", { name: "Add mapping" }).click();
  return page;
}

/** The horizontal positions of the first two inputs of the Customer section. */
async function columns(page) {
  const left = (selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().left);
  return [await left("#customer-signup-display-name"), await left("#customer-signup-name")];
}

test("one column at 320 px wide, with nothing wider than the screen", async () => {
  const page = await formAt(320);
  const [first, second] = await columns(page);
  assert.equal(first, second, "fields stack in one column");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `the page is ${overflow} px wide`);
  await page.close();
});

test("two columns on a wide screen, one again at 200% zoom", async () => {
  const wide = await formAt(1280);
  const [first, second] = await columns(wide);
  assert.ok(second > first + 200, "display name and customer ID sit side by side");
  await wide.close();
  // 200% zoom of a 1280 px window lays out like a 640 px one.
  const zoomed = await formAt(640);
  const [a, b] = await columns(zoomed);
  assert.equal(a, b);
  assert.ok((await zoomed.evaluate(() => document.documentElement.scrollWidth)) <= 640);
  await zoomed.close();
});

test("every control a pointer hits is at least 24 by 24 px", async () => {
  const page = await formAt(1280);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll(".csf input, .csf button, .csf select, .csf textarea")]
      .map((e) => ({ id: e.id || e.textContent.trim(), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ id, box }) => `${id}: ${box.width}x${box.height}`),
  );
  assert.deepEqual(small, []);
  await page.close();
});

test("dark follows the system, and the theme attribute overrides it", async () => {
  const background = (page) =>
    page.locator(".csf").evaluate((e) => getComputedStyle(e).backgroundColor);
  const page = await formAt(1280, { media: { colorScheme: "dark" } });
  assert.equal(await background(page), "rgb(21, 25, 34)");
  await page.locator("customer-signup-form").evaluate((e) => e.setAttribute("theme", "light"));
  await page.locator('.csf[data-theme="light"]').waitFor();
  assert.equal(await background(page), "rgb(255, 255, 255)");
  await page.close();
});

test("in forced-colours mode errors and focus stay visible", async () => {
  const page = await formAt(1280, { media: { forcedColors: "active" } });
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-summary:not([hidden])").waitFor();
  const field = page.locator(".csf-field--error").first();
  const border = await field.evaluate((e) => getComputedStyle(e).borderLeftStyle);
  assert.equal(border, "solid");
  await page.locator("#customer-signup-name").focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const outline = await page.locator("#customer-signup-name").evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.equal(outline, "solid");
  await page.close();
});

test("a bundle built with --public-url works below that path", async () => {
  const below = join(env.site.dir, "admin", "signup");
  await mkdir(below, { recursive: true });
  await cp(subpathDist, below, { recursive: true });
  const page = await openForm(env.browser, `${env.site.base}/admin/signup/`);
  await fillSeedCustomer(page);
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();
  const loader = await page.locator("script[type=module]").getAttribute("src");
  assert.equal(loader, "/admin/signup/customer-signup.js");
  await page.close();
});
