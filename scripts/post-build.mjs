// trunk post-build hook: makes the bundle loadable under a strict Content Security Policy and
// from any path.
//
// trunk starts the app with an inline <script type="module">, which `script-src 'self'` blocks.
// This replaces it with an external loader, `customer-signup.js`, referenced with a Subresource
// Integrity hash. The loader finds the hashed .js and .wasm files relative to its own URL, so
// the bundle works from whatever path it is served at, and it re-exports the JavaScript API.
// The form's stylesheet is also copied to the stable name `customer-signup.css`, so an admin
// page can include both by names that do not change between builds. Last, every file gets a
// brotli (`.br`) and a gzip (`.gz`) copy beside it, compressed once at the highest levels, for
// servers that send precompressed files (the local API does; nginx's `gzip_static`, and most
// CDNs and static hosts, can).

import { createHash } from "node:crypto";
import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const staging = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
if (!staging) {
  throw new Error("run by trunk as a post_build hook: TRUNK_STAGING_DIR is not set");
}

const indexPath = join(staging, "index.html");
const index = await readFile(indexPath, "utf8");
const inline = index.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) {
  throw new Error("trunk's module script was not found in index.html");
}
const js = inline[1].match(/from '[^']*?([^/']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '[^']*?([^/']+\.wasm)'/)?.[1];
if (!js || !wasm) {
  throw new Error(`could not read the bundle's file names from:\n${inline[1]}`);
}

const loader = `// Loads the customer signup form: registers <customer-signup-form> and mounts every element
// marked data-customer-signup. Generated at build time; names the hashed files of this build.
import init, { mountCustomerSignup, CustomerSignupHandle, measureValidation } from "./${js}";

const wasm = await init({ module_or_path: new URL("./${wasm}", import.meta.url) });

/** The module's linear memory, for measuring what the form uses. */
export const memory = wasm.memory;
export { mountCustomerSignup, CustomerSignupHandle, measureValidation };
`;
await writeFile(join(staging, "customer-signup.js"), loader);
const integrity = `sha384-${createHash("sha384").update(loader).digest("base64")}`;
const tag =
  `<script type="module" src="${publicUrl}customer-signup.js" ` +
  `integrity="${integrity}" crossorigin="anonymous"></script>`;
await writeFile(indexPath, index.replace(inline[0], tag));

const css = (await readdir(staging)).find((name) => /^form-[0-9a-f]+\.css$/.test(name));
if (!css) {
  throw new Error("the form's stylesheet (form-<hash>.css) was not found");
}
await copyFile(join(staging, css), join(staging, "customer-signup.css"));
console.log(`post-build: customer-signup.js loads ${js} and ${wasm} (${integrity})`);

// Only the types a browser fetches and compresses well: wasm, scripts, styles, pages.
const compressible = /\.(wasm|js|css|html)$/;
let compressed = 0;
for (const entry of await readdir(staging, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !compressible.test(entry.name)) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const bytes = await readFile(path);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  await writeFile(`${path}.br`, brotli);
  await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  compressed += 1;
}
console.log(`post-build: ${compressed} files precompressed (.br, .gz)`);
