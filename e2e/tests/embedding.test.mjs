// Embedding in someone else's admin page: the example page under a strict CSP, several forms,
// live attributes, events, hostile host CSS, clean removal, and the README's own snippet.

import assert from "node:assert/strict";
import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { after, afterEach, before, beforeEach, test } from "node:test";

import {
  STRICT_CSP,
  fillSeedCustomer,
  formValues,
  openForm,
  useSiteAndBrowser,
} from "../lib/harness.mjs";

const readme = resolve(import.meta.dirname, "..", "..", "README.md");

const env = useSiteAndBrowser({ after, afterEach, before, beforeEach }, async () => ({ csp: STRICT_CSP, files: await extraPages() }));

/** The README's embedding snippet, exactly as written there. */
async function readmeSnippet() {
  const text = await readFile(readme, "utf8");
  const block = text.match(/<!-- embed-snippet:start -->\s*```html\n([\s\S]*?)```/);
  assert.ok(block, "the README has an embedding snippet between its markers");
  return block[1];
}

function blankPage(body, head = "") {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title>${head}</head><body>${body}</body></html>\n`;
}

async function extraPages() {
  const snippet = await readmeSnippet();
  const twoForms =
    '<link rel="stylesheet" href="customer-signup.css">' +
    '<script type="module" src="customer-signup.js"></script>' +
    '<customer-signup-form id="first" api-base="/api"></customer-signup-form>' +
    '<customer-signup-form id="second" api-base="/api"></customer-signup-form>';
  return {
    "blank.html": blankPage(snippet),
    "two.html": blankPage(twoForms),
    "plain.html": blankPage(
      '<link rel="stylesheet" href="customer-signup.css">' +
        '<script type="module" src="customer-signup.js"></script>' +
        '<div id="slot"></div>',
    ),
  };
}

/** Records CSP violations and the form's events from before the page's first script runs. */
async function recordViolationsAndEvents(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    window.__events = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
    for (const name of ["customer-created", "customer-create-failed", "customer-draft-restored"]) {
      document.addEventListener(name, (event) => window.__events.push({ name, detail: event.detail }));
    }
  });
}

test("the example admin page runs under the strict CSP with no violation", async () => {
  const page = await openForm(env.browser, `${env.site.base}/example/`, { beforeLoad: recordViolationsAndEvents });
  const header = await (await fetch(`${env.site.base}/example/`)).headers.get("content-security-policy");
  assert.equal(header, STRICT_CSP);

  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-summary:not([hidden])").waitFor();
  await fillSeedCustomer(page);
  await env.site.fault({ kind: "server_error" });
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-status--error").waitFor();
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".csf-success").waitFor();
  await page.locator("#recent li").waitFor();
  assert.match(await page.locator("#recent").innerText(), /Customer 1 \(customer_1\)/);

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(
    events.map((e) => [e.name, e.detail.kind ?? e.detail.name]),
    [
      ["customer-create-failed", "invalid"],
      ["customer-create-failed", "server"],
      ["customer-created", "customer_1"],
    ],
  );
  const created = events[2].detail;
  assert.equal(created.display_name, "Customer 1");
  assert.equal(created.contact_info.zipcode, "10011");
  assert.match(created.created_at, /^\d{4}-\d\d-\d\dT/);

  // The check can fail: an inline script is reported as a violation.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true";
    document.body.append(script);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.inlineRan), undefined);
  await page.close();
});

test("two forms on one page keep separate values and drafts", async () => {
  const page = await openForm(env.browser, `${env.site.base}/two.html`);
  await page.locator("#first-display-name").fill("First Customer");
  await page.locator("#second-display-name").fill("Second Customer");
  await page.locator("#second-contact-info-city").fill("Boston");
  assert.equal(await page.locator("#first-name").inputValue(), "first_customer");
  assert.equal(await page.locator("#second-name").inputValue(), "second_customer");
  await page.reload();
  await page.locator("#second-contact-info-city").waitFor();
  await page.waitForFunction(() => document.querySelector("#first-display-name").value !== "");
  assert.equal(await page.locator("#first-display-name").inputValue(), "First Customer");
  assert.equal(await page.locator("#first-contact-info-city").inputValue(), "");
  assert.equal(await page.locator("#second-display-name").inputValue(), "Second Customer");
  assert.equal(await page.locator("#second-contact-info-city").inputValue(), "Boston");
  await page.close();
});

test("attribute changes after mounting take effect", async () => {
  const page = await openForm(env.browser, `${env.site.base}/example/`);
  const form = page.locator("customer-signup-form");
  await form.evaluate((element) => element.setAttribute("theme", "dark"));
  await page.locator('.csf[data-theme="dark"]').waitFor();
  const background = await page.locator(".csf").evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(background, "rgb(21, 25, 34)");

  await form.evaluate((element) => element.setAttribute("price-plans", '["gold", "silver"]'));
  await page.locator("#new-customer-price-plan-name option[value=gold]").waitFor({ state: "attached" });
  assert.equal(await page.locator("#new-customer-price-plan-name option").count(), 3);

  await form.evaluate((element) => element.setAttribute("api-base", "/elsewhere"));
  await fillSeedCustomer(page);
  const request = page.waitForRequest((r) => r.method() === "POST");
  await page.getByRole("button", { name: "Create customer" }).click();
  assert.match((await request).url(), /\/elsewhere\/customers\/$/);
  await page.close();
});

test("hosts that prefer code mount and unmount the form from JavaScript", async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.site.base}/plain.html`);
  await page.evaluate(async () => {
    const { mountCustomerSignup } = await import("/customer-signup.js");
    const slot = document.getElementById("slot");
    slot.id = "coded";
    window.handle = mountCustomerSignup(slot, {
      apiBase: "/api",
      theme: "dark",
      pricePlans: [{ name: "gold", display_name: "Gold" }],
    });
  });
  await page.locator('#coded .csf[data-theme="dark"]').waitFor();
  await page.locator("#coded-price-plan-name option[value=gold]").waitFor({ state: "attached" });
  assert.equal(await page.locator("#coded-price-plan-name option").count(), 2);
  await page.evaluate(() => window.handle.unmount());
  assert.equal(await page.locator("#coded").evaluate((e) => e.childElementCount), 0);
  await page.close();
});

test("the host page's global input, label and button styles leave the form intact", async () => {
  const styles = async (url) => {
    const page = await openForm(env.browser, url);
    const read = await page.evaluate(() => {
      const pick = (selector, properties) => {
        const style = getComputedStyle(document.querySelector(selector));
        return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
      };
      return {
        label: pick(".csf label", ["text-transform", "letter-spacing", "font-size", "display"]),
        input: pick(".csf input[type=email]", ["border-top-style", "padding-left", "background-color", "border-radius"]),
        button: pick(".csf button[type=submit]", ["text-transform", "font-size", "padding-top"]),
      };
    });
    await page.close();
    return read;
  };
  const clean = await styles(`${env.site.base}/blank.html`);
  const hostile = await styles(`${env.site.base}/example/`);
  assert.deepEqual(hostile.label, clean.label);
  assert.deepEqual(hostile.button, clean.button);
  assert.equal(hostile.input["border-top-style"], "solid");
  assert.equal(hostile.input["padding-left"], clean.input["padding-left"]);
  assert.equal(hostile.input["background-color"], clean.input["background-color"]);
  assert.equal(hostile.input["border-radius"], "10px", "themed by the host's --csf-radius");
});

test("removing the element frees the form: no listeners on the page, no nodes in memory", async () => {
  const p = await env.browser.newPage();
  await p.addInitScript(() => {
    // Every listener added and not yet removed, held weakly so that counting keeps nothing
    // alive; the ones whose target is still on the page are counted.
    const live = new Set();
    const capture = (options) =>
      typeof options === "boolean" ? options : Boolean(options?.capture);
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (listener) {
        live.add({
          target: new WeakRef(this),
          type,
          listener: new WeakRef(listener),
          capture: capture(options),
        });
      }
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
      for (const entry of live) {
        if (
          entry.target.deref() === this &&
          entry.type === type &&
          entry.listener.deref() === listener &&
          entry.capture === capture(options)
        ) {
          live.delete(entry);
        }
      }
      return remove.call(this, type, listener, options);
    };
    window.__liveListeners = live;
  });
  await p.goto(`${env.site.base}/plain.html`);
  await p.waitForFunction(() => customElements.get("customer-signup-form"));
  const cdp = await p.context().newCDPSession(p);
  // Counts live inputs after a full collection. The devtools protocol keeps every object it
  // hands out until released, so each count uses its own object group and releases it.
  const countInputs = async () => {
    const objectGroup = "leak-check";
    await cdp.send("HeapProfiler.collectGarbage");
    const { result } = await cdp.send("Runtime.evaluate", {
      expression: "HTMLInputElement.prototype",
      objectGroup,
    });
    const { objects } = await cdp.send("Runtime.queryObjects", {
      prototypeObjectId: result.objectId,
      objectGroup,
    });
    const { result: length } = await cdp.send("Runtime.callFunctionOn", {
      objectId: objects.objectId,
      functionDeclaration: "function () { return this.length; }",
      returnByValue: true,
    });
    await cdp.send("Runtime.releaseObjectGroup", { objectGroup });
    return length.value;
  };
  const connectedTargets = () =>
    p.evaluate(
      () =>
        [...window.__liveListeners]
          .map((entry) => entry.target.deref())
          .filter((t) => t === window || t === document || (t instanceof Node && t.isConnected))
          .length,
    );
  const before = { inputs: await countInputs(), targets: await connectedTargets() };

  for (let round = 0; round < 3; round++) {
    await p.evaluate(() => {
      const element = document.createElement("customer-signup-form");
      element.id = "temporary";
      document.getElementById("slot").append(element);
    });
    await p.locator("#temporary-display-name").fill(`Round ${round}`);
    const mounted = await countInputs();
    assert.ok(mounted >= before.inputs + 15, `the form's inputs exist while mounted (${mounted})`);
    await p.evaluate(() => document.getElementById("temporary").remove());
    await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  }

  assert.equal(await countInputs(), before.inputs, "no input of a removed form stays in memory");
  assert.equal(await connectedTargets(), before.targets, "no listener stays on the page");
  await p.close();
});

test("the README's snippet works in a blank page, also below a sub-path", async () => {
  const nested = join(env.site.dir, "admin", "customers");
  await mkdir(nested, { recursive: true });
  for (const name of await readdir(env.site.dir)) {
    if (name === "admin") continue;
    await cp(join(env.site.dir, name), join(nested, name), { recursive: true });
  }
  for (const path of ["/blank.html", "/admin/customers/blank.html"]) {
    const page = await openForm(env.browser, `${env.site.base}${path}`, {
      beforeLoad: recordViolationsAndEvents,
    });
    await fillSeedCustomer(page);
    await page.getByLabel("Customer ID", { exact: true }).fill(`blank_${path.length}`);
    await page.getByRole("button", { name: "Create customer" }).click();
    await page.locator(".csf-success").waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await page.close();
  }
});
