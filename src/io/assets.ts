import { realpathSync } from "node:fs";
import path from "node:path";

/**
 * Files an account file points to (its logo) are read only from the account's own folder: an
 * account file is data and may come from anyone, and a path like `/home/x/secret.png`,
 * `../../other-customer/logo.png` or a link leading out of the folder would otherwise put a file
 * of the reader's choosing on a slide. `--allow-outside-assets` lifts the rule for folders whose
 * account files are all trusted.
 */

/** Whether `child` is `parent` or lies under it (both absolute, symbolic links resolved). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === "" ||
    (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

export type AssetLocation = { file: string } | { refused: string };

export function locateAccountAsset(
  accountFile: string,
  relativePath: string,
  allowOutside: boolean,
): AssetLocation {
  const folder = path.dirname(accountFile);
  const file = path.resolve(folder, relativePath);
  if (allowOutside) return { file };
  let root: string;
  try {
    root = realpathSync.native(folder);
  } catch {
    return { file }; // no folder, no file: reading it reports that
  }
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    real = path.resolve(root, relativePath); // a missing file is judged by its path
  }
  return isInside(real, root)
    ? { file }
    : { refused: "is outside the account's folder (--allow-outside-assets allows it)" };
}
