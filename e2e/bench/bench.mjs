// The form's performance figures, printed as tables. A benchmark, not a test: it never fails on
// a figure. Run by `make bench`, after the release build.
//
// - bytes of every file the browser downloads: raw, gzip -9, brotli, and as served;
// - the size floor: what the rules alone and a Leptos hello page weigh, against the budget;
// - navigation start to interactive (the form's performance mark), cold loads, unthrottled and
//   with the CPU slowed 4x through DevTools;
// - keystroke to visible error update after a failed submit, with 50 mapping rows, CPU 4x;
// - validating a full draft inside the browser;
// - memory: wasm linear memory and JS heap after load, and after adding and removing 1,000
//   mapping rows.

import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { launch, startSite } from "../lib/harness.mjs";

const dist = process.env.FORM_DIST ?? resolve(import.meta.dirname, "..", "..", "dist");
// 45, not the 15 the issue asks at least: medians of 15 loads at 4x varied by more than 100 ms
// from run to run on the same code; 45 loads agree to within about 15 ms.
const LOADS = Number(process.env.BENCH_LOADS ?? 45);
const FLOOR = process.env.FLOOR_DIR ?? resolve(import.meta.dirname, "..", "..", "target", "floor");
// The figures for the React equivalent, in bytes (108 kB gzip, 94 kB brotli).
const BUDGET = { gzip: 108_000, brotli: 94_000 };
// 200: the p95 of 40 keystrokes is their third slowest, and it ranged from 11.3 to 18.3 ms over
// five runs of the same code; that of 200 is the eleventh slowest, 12.7 to 15.0 over six.
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);

function table(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, at)];
}

const ms = (value) => value.toFixed(1);
const kb = (bytes) => (bytes / 1024).toFixed(1);

async function files(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await files(path)));
    else found.push(path);
  }
  return found;
}

/**
 * The bytes of every file a browser downloads for the standalone page: raw, compressed here, and
 * as they came over the wire in the last cold load (the local API sends the build's .br copies).
 */
async function sizes({ requested: downloaded, wire }) {
  const rows = [];
  const total = { raw: 0, gzip: 0, brotli: 0, served: 0 };
  for (const path of (await files(dist)).sort()) {
    const name = relative(dist, path);
    if (!downloaded.has(name)) continue;
    const bytes = await readFile(path);
    const { gzip, brotli } = compressed(bytes);
    total.raw += bytes.length;
    total.gzip += gzip;
    total.brotli += brotli;
    const served = wire.get(name) ?? 0;
    total.served += served;
    rows.push([name, bytes.length, gzip, brotli, served]);
  }
  rows.push(["total", total.raw, total.gzip, total.brotli, total.served]);
  table("Transfer (bytes)", ["file", "raw", "gzip -9", "brotli", "served"], rows);
  return rows.slice(0, -1).map(([name, raw, gzip, brotli]) => ({ name, raw, gzip, brotli }));
}

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function add(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/**
 * What the bundle weighs before any of the form is written, from the pages scripts/floor.sh
 * builds: the rules alone, the smallest interactive Leptos page, and that page running the
 * rules; each its module and its JavaScript. Beside them, the form's own module and JavaScript,
 * the rest of what its page downloads, and the budget.
 */
async function floor(downloaded) {
  const pages = [
    ["floor-rules", "the rules alone"],
    ["floor-hello", "Leptos hello page"],
    ["floor-rules-hello", "Leptos hello page running the rules"],
  ];
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  const rows = [];
  const weighed = {};
  for (const [page, what] of pages) {
    const dir = join(FLOOR, page);
    let size = zero;
    for (const file of [`${page}_bg.wasm`, `${page}.js`]) {
      size = add(size, compressed(await readFile(join(dir, file))));
    }
    rows.push([what, size.raw, size.gzip, size.brotli]);
    weighed[page] = size;
  }
  const both = weighed["floor-rules-hello"];
  const module = /^customer-signup-[0-9a-f]+(_bg\.wasm|\.js)$/;
  const form = downloaded.filter((file) => module.test(file.name)).reduce(add, zero);
  const rest = downloaded.filter((file) => !module.test(file.name)).reduce(add, zero);
  rows.push(["this form", form.raw, form.gzip, form.brotli]);
  rows.push(["the form page's other files", rest.raw, rest.gzip, rest.brotli]);
  rows.push(["budget (the React equivalent)", "", BUDGET.gzip, BUDGET.brotli]);
  const left = (key) => BUDGET[key] - both[key] - rest[key];
  rows.push(["left for the form after the page running the rules", "", left("gzip"), left("brotli")]);
  table("Size floor (bytes: each module with its JavaScript)", ["", "raw", "gzip -9", "brotli"], rows);
}

/** Loads the page cold (new context, empty cache) and returns ms from navigation to the mark. */
async function coldLoad(browser, url, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const requested = new Set();
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname.slice(1);
    requested.add(path === "" || path.endsWith("/") ? `${path}index.html` : path);
  });
  await page.goto(url);
  const { interactive, wire } = await page.evaluate(async () => {
    const mark = "customer-signup:interactive";
    while (performance.getEntriesByName(mark).length === 0) {
      await new Promise((done) => setTimeout(done, 5));
    }
    // The body bytes each file took on the wire, as the local API sent it (precompressed).
    const wire = performance
      .getEntriesByType("navigation")
      .concat(performance.getEntriesByType("resource"))
      .map((entry) => {
        const path = new URL(entry.name).pathname.slice(1);
        const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
        return [file, entry.encodedBodySize];
      });
    return { interactive: performance.getEntriesByName(mark)[0].startTime, wire };
  });
  await context.close();
  return { interactive, requested, wire: new Map(wire) };
}

async function loadTimes(browser, url) {
  const rows = [];
  let last;
  for (const throttle of [1, 4]) {
    const times = [];
    for (let i = 0; i < LOADS; i++) {
      last = await coldLoad(browser, url, throttle);
      times.push(last.interactive);
    }
    rows.push([`CPU ${throttle}x`, LOADS, ms(percentile(times, 50)), ms(percentile(times, 95))]);
  }
  table("Navigation start to interactive (ms, cold loads)", ["", "loads", "median", "p95"], rows);
  return last;
}

/** A draft with 50 mapping rows and an invalid email, saved so the page restores it. */
function bigDraft() {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    label: `label_${i}`,
    value_regex: `^customer-${i}-\\d+$`,
    sample: `customer-${i}-42`,
  }));
  return JSON.stringify({ name: "customer_1", email: "x", measurement_mappings: rows });
}

async function keystrokes(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.evaluate((draft) => {
    sessionStorage.setItem("customer-signup-draft:customer-signup", draft);
  }, bigDraft());
  await page.reload();
  // Attached, not visible: rows out of view are not rendered (content-visibility: auto).
  await page.locator("#customer-signup-mapping-49-label").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator("#customer-signup-contact-info-email-error").waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const times = await page.evaluate(async (count) => {
    const input = document.getElementById("customer-signup-contact-info-email");
    const message = () =>
      document.getElementById("customer-signup-contact-info-email-error")?.textContent;
    // The time from a keystroke until the frame that shows its new message has been painted.
    // The keystroke lands at the start of a frame (in an animation-frame callback, where the
    // browser delivers input), and a task posted then runs only after that frame's style,
    // layout and paint. If the message has not changed by then, the wait goes on frame by
    // frame, and those frames count too.
    const afterPaint = () =>
      new Promise((done) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      });
    const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
    // Two invalid addresses with different messages, so every keystroke changes the message.
    const values = ["x@", "x"];
    const times = [];
    for (let i = 0; i < count; i++) {
      await nextFrame();
      const before = message();
      const started = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event("input", { bubbles: true }));
      let painted = await afterPaint();
      while (message() === before) {
        await nextFrame();
        painted = await afterPaint();
      }
      times.push(painted - started);
    }
    return times;
  }, KEYSTROKES);
  await page.close();
  table(
    "Keystroke to visible error update (ms, 50 mapping rows, CPU 4x)",
    ["keystrokes", "median", "p95"],
    [[KEYSTROKES, ms(percentile(times, 50)), ms(percentile(times, 95))]],
  );
}

async function validationInBrowser(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const micros = await page.evaluate(async () => {
    const { measureValidation } = await import("/customer-signup.js");
    measureValidation(200);
    return measureValidation(5000);
  });
  await page.close();
  table("Validating a full draft in the browser", ["iterations", "mean (µs)"], [
    [5000, micros.toFixed(2)],
  ]);
}

async function memory(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.locator("button[type=submit]").waitFor();
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(
      async () => (await import("/customer-signup.js")).memory.buffer.byteLength,
    );
    return { js: usedSize, wasm };
  };
  const afterLoad = await measure();
  await page.evaluate(async () => {
    const buttons = [...document.querySelectorAll("button")];
    const add = buttons.find((b) => b.textContent === "Add mapping");
    for (let i = 0; i < 1000; i++) add.click();
    await new Promise((done) => setTimeout(done, 100));
    for (let i = 0; i < 1000; i++) {
      document.querySelector("button[aria-label^='Remove mapping']").click();
      if (i % 100 === 0) await new Promise((done) => setTimeout(done, 0));
    }
    await new Promise((done) => setTimeout(done, 100));
  });
  const rows = await page.locator(".csf-row").count();
  const afterRows = await measure();
  await page.close();
  table(
    "Memory (KiB)",
    ["", "wasm linear memory", "JS heap"],
    [
      ["after load", kb(afterLoad.wasm), kb(afterLoad.js)],
      [`after adding and removing 1,000 rows (${rows} left)`, kb(afterRows.wasm), kb(afterRows.js)],
    ],
  );
}

const site = await startSite();
const browser = await launch();
try {
  console.log(`Release bundle in ${dist}, served by the local API; Chromium ${browser.version()}`);
  await floor(await sizes(await loadTimes(browser, `${site.base}/`)));
  await keystrokes(browser, site.base);
  await validationInBrowser(browser, site.base);
  await memory(browser, site.base);
} finally {
  await browser.close();
  await site.stop();
}
