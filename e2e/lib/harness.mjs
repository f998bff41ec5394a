// Starts what a whole-flow test needs: the local API serving the release build of the form, and
// headless Chromium driven by playwright-core. Each test gets a fresh API (in-memory store).

import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "..", "..");
const dist = process.env.FORM_DIST ?? join(root, "dist");
const apiBinary = process.env.LOCAL_API ?? join(root, "target", "debug", "local-api");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Chromium's flags for a closed network: no background traffic of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** The product page's customer, as the form must send it, byte for byte. */
export const SEED_BODY =
  '{"name":"customer_1","display_name":"Customer 1","contact_info":{' +
  '"email":"billing@customer1.com","url":"customer1.com","address_line_1":"111 Main St",' +
  '"address_line_2":"#1","city":"New York","state":"NY","country":"United States",' +
  '"zipcode":"10011"}}';

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * A copy of the built form with extra pages: `variants` maps a file name to the attributes its
 * form element gets, for options such as a short timeout.
 */
async function siteWith(variants) {
  const dir = await mkdtemp(join(tmpdir(), "signup-e2e-"));
  await cp(dist, dir, { recursive: true });
  const index = await readFile(join(dir, "index.html"), "utf8");
  for (const [name, attributes] of Object.entries(variants)) {
    const extra = Object.entries(attributes)
      .map(([key, value]) => ` ${key}="${value}"`)
      .join("");
    const page = index.replace('api-base="/api"', `api-base="/api"${extra}`);
    await writeFile(join(dir, name), page);
  }
  return dir;
}

/** The policy the bundle must run under, as `make run` serves it. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/**
 * Starts the API on a free port, serving a copy of the built form (with `variants`, and `files`
 * mapping extra file names to their content), the example admin page at /example/, and every
 * file with `csp` as its Content-Security-Policy when given. Waits until it answers.
 */
export async function startSite({ variants = {}, files = {}, plans = true, csp } = {}) {
  const dir = await siteWith(variants);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  const port = await freePort();
  const args = ["--listen", `127.0.0.1:${port}`, "--form-dir", dir, "--enable-test-hooks"];
  args.push("--example-dir", join(root, "examples", "admin"));
  if (csp) args.push("--content-security-policy", csp);
  if (plans) args.push("--price-plans", join(root, "api", "demo", "price_plans.json"));
  const child = spawn(apiBinary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await fetch(`${base}/api/price_plans/`);
      if (answer.ok) break;
    } catch {
      if (attempt > 100) throw new Error(`the local API did not start:\n${log}`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
  return {
    base,
    log: () => log,
    api: (path, init) => fetch(`${base}/api${path}`, init),
    async fault(fault) {
      const answer = await fetch(`${base}/api/_test/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(fault),
      });
      if (answer.status !== 204) throw new Error(`fault refused: ${answer.status}`);
    },
    async clearFaults() {
      await fetch(`${base}/api/_test/faults`, { method: "DELETE" });
    },
    async stats() {
      return (await fetch(`${base}/api/_test/stats`)).json();
    },
    async customers() {
      return (await fetch(`${base}/api/customers/`)).json();
    },
    dir,
    async stop() {
      child.kill("SIGTERM");
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers hooks that give every test in the file a fresh site and share one browser; returns
 * an object holding both. `options` are `startSite`'s, or a function that makes them.
 */
export function useSiteAndBrowser(hooks, options = {}) {
  const state = {};
  hooks.before(async () => {
    state.browser = await launch();
  });
  hooks.after(async () => {
    await state.browser.close();
  });
  hooks.beforeEach(async () => {
    state.site = await startSite(typeof options === "function" ? await options() : options);
  });
  hooks.afterEach(async () => {
    await state.site.stop();
  });
  return state;
}

export async function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/** A new page at `url`, with the form mounted. */
export async function openForm(browser, url, { beforeLoad } = {}) {
  const page = await browser.newPage();
  if (beforeLoad) await beforeLoad(page);
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await page.locator("button[type=submit]").first().waitFor();
  return page;
}

/** The input labelled `label`, with or without "(optional)", found as a screen reader would. */
export function field(page, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}( \\(optional\\))?$`));
}

/** Fills in the product page's customer as an admin would. */
export async function fillSeedCustomer(page) {
  await field(page, "Display name").fill("Customer 1");
  await field(page, "Email").fill("billing@customer1.com");
  await field(page, "Website").fill("customer1.com");
  await field(page, "Address line 1").fill("111 Main St");
  await field(page, "Address line 2").fill("#1");
  await field(page, "City").fill("New York");
  await field(page, "State / region").fill("NY");
  await field(page, "Country").fill("United States");
  await field(page, "Postal code").fill("10011");
}

/** Every value in the form, by input id, to compare before and after a failure. */
export async function formValues(page) {
  return page.$$eval(".csf input, .csf textarea, .csf select", (inputs) =>
    Object.fromEntries(inputs.map((i) => [i.id, i.type === "checkbox" ? i.checked : i.value])),
  );
}
