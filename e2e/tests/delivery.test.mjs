// How the bundle travels: the build's precompressed copies are what a browser downloads, and a
// client that accepts no encoding still gets the original files.

import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, test } from "node:test";

import { useSiteAndBrowser } from "../lib/harness.mjs";

const env = useSiteAndBrowser({ after, afterEach, before, beforeEach });

test("the browser downloads the brotli copy of every file the form needs", async () => {
  const page = await env.browser.newPage();
  const encodings = new Map();
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    encodings.set(path, response.allHeaders().then((headers) => headers["content-encoding"]));
  });
  await page.goto(env.site.base);
  await page.locator("button[type=submit]").first().waitFor();
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .concat(performance.getEntriesByType("navigation"))
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        encoded: entry.encodedBodySize,
        decoded: entry.decodedBodySize,
      })),
  );
  // The page and its files; the API's answers are not files.
  const bundle = entries.filter(
    (entry) => !entry.path.startsWith("/api/") && /\.(wasm|js|css)$|\/$/.test(entry.path),
  );
  // The page, the module, its hashed script and the stylesheet.
  for (const kind of [/\/$/, /_bg\.wasm$/, /-[0-9a-f]+\.js$/, /\.css$/]) {
    assert.ok(
      bundle.some((entry) => kind.test(entry.path)),
      `a file like ${kind} was loaded`,
    );
  }
  for (const entry of bundle) {
    const file = join(env.site.dir, entry.path.endsWith("/") ? "index.html" : entry.path);
    assert.equal(await encodings.get(entry.path), "br", `${entry.path} is sent with brotli`);
    assert.equal(entry.decoded, (await stat(file)).size, `${entry.path} decodes to the file`);
    const brotli = (await stat(`${file}.br`)).size;
    assert.equal(entry.encoded, brotli, `${entry.path} travels as .br`);
  }
  await page.close();
});

test("a client that asks for no encoding gets the original bytes, and gzip when it asks for gzip", async () => {
  const wasm = (await readFile(join(env.site.dir, "customer-signup.js"), "utf8")).match(
    /"\.\/([^"]+\.wasm)"/,
  )[1];
  const original = await readFile(join(env.site.dir, wasm));
  const plain = await fetch(`${env.site.base}/${wasm}`, {
    headers: { "accept-encoding": "identity" },
  });
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.equal(plain.headers.get("content-type"), "application/wasm");
  assert.deepEqual(Buffer.from(await plain.arrayBuffer()), original);

  // Node's fetch decodes what it is sent; the length on the wire is the .gz copy's.
  const gzip = await fetch(`${env.site.base}/${wasm}`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(gzip.headers.get("content-encoding"), "gzip");
  assert.equal(gzip.headers.get("vary"), "accept-encoding", "caches keep the encodings apart");
  assert.equal(gzip.headers.get("content-type"), "application/wasm");
  assert.equal(
    Number(gzip.headers.get("content-length")),
    (await stat(join(env.site.dir, `${wasm}.gz`))).size,
  );
  assert.deepEqual(Buffer.from(await gzip.arrayBuffer()), original);
});
