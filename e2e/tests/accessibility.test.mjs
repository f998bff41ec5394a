// axe-core scans of the form's three states: empty, with errors after a submit, and created.
// No serious or critical violation of the WCAG 2.2 AA rules is allowed.

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";

import { fillSeedCustomer, launch, openForm, startSite } from "../lib/harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

let browser;
let site;

before(async () => {
  browser = await launch();
  site = await startSite();
});
after(async () => {
  await browser.close();
  await site.stop();
});

/** The serious and critical violations on the page, described for a failure message. */
async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the empty form", async () => {
  const page = await openForm(browser, site.base);
  await page.getByRole("button", { name: "Add mapping" }).click();
  await page.getByRole("button", { name: "Add metadata" }).click();
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test("the form with errors after a submit", async () => {
  const page = await openForm(browser, site.base);
  await page.getByRole("button", { name: "Add mapping" }).click();
  await page.getByLabel("Email (optional)", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-summary:not([hidden])").waitFor();
  assert.ok((await page.locator(".csf-error-message").count()) >= 3);
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test("the created customer", async () => {
  const page = await openForm(browser, site.base);
  await fillSeedCustomer(page);
  await page.getByLabel("Customer ID", { exact: true }).fill("accessible_1");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();
  assert.deepEqual(await violations(page), []);
  await page.close();
});
