import { createRequire } from "node:module";
import path from "node:path";

/**
 * The package's own folder (package.json, dist/, templates/, samples/), found through the package's
 * name rather than a module's own location: the same module runs from src/ under the tests, from
 * dist/, and from a chunk of the bundled CLI (scripts/bundle-cli.mjs) at another depth.
 */
const require = createRequire(import.meta.url);

export const PACKAGE_JSON: string = require.resolve("qbr-deck/package.json");

export const PACKAGE_ROOT: string = path.dirname(PACKAGE_JSON);
