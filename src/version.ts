import { createRequire } from "node:module";
import { PACKAGE_JSON } from "./package-root.js";

/** The package version, recorded in decks' provenance and in manifests. */
export const VERSION: string = (createRequire(import.meta.url)(PACKAGE_JSON) as { version: string }).version;
