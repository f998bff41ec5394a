// Creating customers through the built form against the local API: the happy path, a duplicate
// ID, and a draft that survives a reload.

import assert from "node:assert/strict";
import { after, before, beforeEach, afterEach, test } from "node:test";

import {
  SEED_BODY,
  field,
  fillSeedCustomer,
  formValues,
  openForm,
  useSiteAndBrowser,
} from "../lib/harness.mjs";

const env = useSiteAndBrowser({ after, afterEach, before, beforeEach });

test("the product page's customer is created and stored exactly as the API expects", async () => {
  const page = await openForm(env.browser, env.site.base);
  await fillSeedCustomer(page);
  assert.equal(await field(page, "Customer ID").inputValue(), "customer_1");
  await page.getByRole("button", { name: "Create customer" }).click();

  const success = page.locator(".csf-success");
  await success.waitFor();
  assert.match(await success.innerText(), /Customer created/);
  assert.match(await success.innerText(), /customer_1/);
  assert.match(await success.innerText(), /Customer 1/);
  const stored = await (await env.site.api("/_test/request_body/customer_1")).text();
  assert.equal(stored, SEED_BODY);
  assert.equal((await env.site.stats()).create_requests, 1);
  const draft = await page.evaluate(() => sessionStorage.getItem("customer-signup-draft:customer-signup"));
  assert.equal(draft, null, "the draft is cleared after success");

  await page.getByRole("button", { name: "Create another" }).click();
  await field(page, "Display name").waitFor();
  assert.equal(await field(page, "Display name").inputValue(), "");
  assert.equal(await page.evaluate(() => document.activeElement.id), "customer-signup-display-name");
  await page.close();
});

test("a duplicate customer ID is shown at the Customer ID field, with every value kept", async () => {
  await env.site.api("/customers/", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"name": "customer_1"}',
  });
  const page = await openForm(env.browser, env.site.base);
  await fillSeedCustomer(page);
  const before = await formValues(page);
  await page.getByRole("button", { name: "Create customer" }).click();

  const message = page.locator("#customer-signup-name-error");
  await message.waitFor();
  assert.match(await message.innerText(), /already exists: choose another ID/);
  assert.equal(await field(page, "Customer ID").getAttribute("aria-invalid"), "true");
  assert.match(await page.locator(".csf-summary").innerText(), /Customer ID: A customer with the ID/);
  assert.deepEqual(await formValues(page), before);

  await field(page, "Customer ID").fill("customer_2");
  assert.equal(await message.count(), 0, "the message goes once the ID changes");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();
  assert.equal((await env.site.customers()).length, 2);
  await page.close();
});

test("a reload restores the draft, and it can be discarded", async () => {
  const page = await openForm(env.browser, env.site.base);
  await fillSeedCustomer(page);
  await page.getByRole("button", { name: "Add mapping" }).click();
  await field(page, "Mapping 1 label").fill("customer_id");
  const before = await formValues(page);
  await page.reload();
  await page.getByRole("button", { name: "Create customer" }).waitFor();
  await page.locator(".csf-notice").waitFor();
  assert.deepEqual(await formValues(page), before);

  await page.getByRole("button", { name: "Discard draft" }).click();
  assert.equal(await field(page, "Display name").inputValue(), "");
  await page.reload();
  await page.getByRole("button", { name: "Create customer" }).waitFor();
  assert.equal(await page.locator(".csf-notice").count(), 0);
  await page.close();
});

test("the price plan is chosen from the plans the API lists", async () => {
  const page = await openForm(env.browser, env.site.base);
  const plan = page.getByLabel("Price plan (optional)", { exact: true });
  await plan.locator("option", { hasText: "Standard" }).waitFor({ state: "attached" });
  await fillSeedCustomer(page);
  await plan.selectOption("standard");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();
  const stored = JSON.parse(await (await env.site.api("/_test/request_body/customer_1")).text());
  assert.equal(stored.price_plan_name, "standard");
  await page.close();
});

test("server text is shown as text, never as markup", async () => {
  const page = await openForm(env.browser, env.site.base);
  await page.route("**/api/customers/", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({
        code: 422,
        errors: { json: { name: ['<img src=x id="injected">Bad'], created_at: ["<b id=bold>x</b>"] } },
      }),
    }),
  );
  await field(page, "Customer ID").fill("acme");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator("#customer-signup-name-error").waitFor();
  assert.match(await page.locator("#customer-signup-name-error").innerText(), /<img src=x/);
  assert.equal(await page.locator("#injected, #bold").count(), 0);
  assert.match(await page.locator(".csf-summary").innerText(), /created_at: <b id=bold>x<\/b>/);
  await page.close();
});
