// Every fault the local API can inject: the admin is told what happened, nothing typed is lost,
// and trying again creates the customer exactly once.

import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, test } from "node:test";

import { fillSeedCustomer, formValues, openForm, useSiteAndBrowser } from "../lib/harness.mjs";

const env = useSiteAndBrowser(
  { after, afterEach, before, beforeEach },
  {
    variants: {
      "short-timeout.html": { "timeout-ms": "1500" },
      "headers.html": {
        headers: "{&quot;X-Tenant&quot;: &quot;t1&quot;}",
        "csrf-header": "X-CSRF-Token",
        "csrf-meta": "csrf-token",
      },
    },
  },
);

/** The idempotency keys of the form's create requests, as the page sent them. */
function recordKeys(page) {
  const keys = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/customers/")) {
      keys.push(request.headers()["idempotency-key"]);
    }
  });
  return keys;
}

const cases = [
  { kind: "server_error", says: /server had a problem \(error 500\).*safe/ },
  { kind: "bad_gateway_html", says: /server had a problem \(error 502\).*safe/ },
  { kind: "rate_limited", says: /Wait 2 seconds and try again/ },
  // Chromium itself retries a request whose reused connection closed without an answer, once
  // per idle connection it holds (at most six to one host), so the drop is queued more times
  // than that; what is left of it is cleared before the admin's retry.
  { kind: "drop_connection", times: 8, says: /could not be reached.*safe/ },
  { kind: "malformed_json", says: /could not be read.*may have been created/ },
  { kind: "delay", delay_ms: 4000, page: "short-timeout.html", says: /did not answer in time.*safe/ },
];

for (const { kind, says, times = 1, delay_ms = 0, page: path = "" } of cases) {
  test(`${kind}: explained, values kept, and a retry creates the customer once`, async () => {
    const page = await openForm(env.browser, `${env.site.base}/${path}`);
    const keys = recordKeys(page);
    await fillSeedCustomer(page);
    const typed = await formValues(page);
    await env.site.fault({ kind, times, delay_ms });

    await page.getByRole("button", { name: "Create customer" }).click();
    const status = page.locator(".csf-status--error");
    await status.waitFor({ timeout: 10_000 });
    assert.match(await status.innerText(), says);
    assert.equal(await page.locator("[role=status] .csf-status--error").count(), 1);
    assert.deepEqual(await formValues(page), typed, "nothing typed is lost");

    await env.site.clearFaults();
    await page.getByRole("button", { name: "Create customer" }).click();
    await page.locator(".csf-success").waitFor({ timeout: 10_000 });
    assert.ok(keys.length >= 2);
    assert.ok(keys.every((key) => key === keys[0]), "every retry reuses the idempotency key");
    assert.match(keys[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    if (kind === "delay") await new Promise((wait) => setTimeout(wait, 3000));
    const customers = await env.site.customers();
    assert.equal(customers.length, 1, "created exactly once");
    await page.close();
  });
}

test("a changed field after a failure gets a new idempotency key", async () => {
  const page = await openForm(env.browser, env.site.base);
  const keys = recordKeys(page);
  await fillSeedCustomer(page);
  await env.site.fault({ kind: "server_error" });
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-status--error").waitFor();
  await page.getByLabel("City (optional)").fill("Brooklyn");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();
  assert.equal(keys.length, 2);
  assert.notEqual(keys[0], keys[1]);
  await page.close();
});

test("five quick clicks and Enter presses send one request", async () => {
  const page = await openForm(env.browser, env.site.base);
  await fillSeedCustomer(page);
  await env.site.fault({ kind: "delay", delay_ms: 1500 });
  const button = page.getByRole("button", { name: /Create customer|Creating/ });
  await button.click();
  for (let i = 0; i < 4; i++) await button.click({ force: true });
  await page.getByLabel("City (optional)").press("Enter");
  assert.equal(await button.getAttribute("aria-busy"), "true");
  assert.equal((await button.innerText()).trim(), "Creating…");
  assert.match(await page.locator("[role=status]").first().innerText(), /Creating customer/);
  await page.locator(".csf-success").waitFor();
  assert.equal((await env.site.stats()).create_requests, 1);
  assert.equal((await env.site.customers()).length, 1);
  await page.close();
});

test("a refused session says so and keeps the draft", async () => {
  const page = await openForm(env.browser, env.site.base);
  await page.route("**/api/customers/", (route) =>
    route.fulfill({ status: 401, contentType: "application/json", body: '{"code": 401}' }),
  );
  await fillSeedCustomer(page);
  const typed = await formValues(page);
  await page.getByRole("button", { name: "Create customer" }).click();
  const status = page.locator(".csf-status--error");
  await status.waitFor();
  assert.match(await status.innerText(), /session was not accepted/);
  assert.deepEqual(await formValues(page), typed);
  await page.reload();
  await page.locator(".csf-notice").waitFor();
  assert.deepEqual(await formValues(page), typed, "the draft survives a sign-in in another tab");
  await page.close();
});

test("the host page's headers and its current CSRF token go with every request", async () => {
  const page = await env.browser.newPage();
  const sent = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/")) sent.push({ url: request.url(), request });
  });
  await page.goto(`${env.site.base}/headers.html`);
  await page.locator("button[type=submit]").first().waitFor();
  await fillSeedCustomer(page);
  // The host page adds its token after the form has loaded, then rotates it: the form reads
  // it when it sends, never earlier.
  const setToken = (token) =>
    page.evaluate((token) => {
      let meta = document.querySelector('meta[name="csrf-token"]');
      if (!meta) {
        meta = Object.assign(document.createElement("meta"), { name: "csrf-token" });
        document.head.append(meta);
      }
      meta.content = token;
    }, token);
  await setToken("token-1");
  await env.site.fault({ kind: "server_error" });
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-status--error").waitFor();
  await setToken("token-2");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();

  const headers = await Promise.all(sent.map(({ request }) => request.allHeaders()));
  const plans = headers[sent.findIndex(({ url }) => url.endsWith("/api/price_plans/"))];
  assert.equal(plans["x-tenant"], "t1", "plans are asked for with the host's headers");
  const creates = sent
    .map(({ url, request }, i) => ({ url, method: request.method(), headers: headers[i] }))
    .filter(({ url, method }) => method === "POST" && url.endsWith("/api/customers/"));
  assert.deepEqual(
    creates.map(({ headers }) => headers["x-csrf-token"]),
    ["token-1", "token-2"],
  );
  for (const { headers } of creates) {
    assert.equal(headers["x-tenant"], "t1");
    assert.equal(headers["content-type"], "application/json");
    assert.equal(headers.accept, "application/json");
    assert.equal(headers.authorization, undefined, "no token unless one is configured");
  }
  assert.equal((await env.site.customers()).length, 1);
  await page.close();
});
