// trunk post-build hook: makes the bundle loadable under a strict Content Security Policy and
// from any path.
//
// trunk starts the app with an inline <script type="module">, which `script-src 'self'` blocks.
// This replaces it with an external loader, `customer-signup.js`, referenced with a Subresource
// Integrity hash. The loader finds the hashed .js and .wasm files relative to its own URL, so
// the bundle works from whatever path it is served at, and it re-exports the JavaScript API.
// The form's stylesheet is also copied to the stable name `customer-signup.css`, so an admin
// page can include both by names that do not change between builds.

import { createHash } from "node:crypto";
import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

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
