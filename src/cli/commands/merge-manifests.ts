import { mergeManifests } from "../../batch/merge-manifests.js";
import { prepareOutputFolder } from "../../io/output-folder.js";
import { plural } from "../../text/format.js";
import type { Io } from "../../io/terminal.js";
import { reportFailures } from "./batch-report.js";

/**
 * `qbr merge-manifests DIR... -o OUT`: one manifest and one portfolio summary for a run that was
 * split with --shard. Exit 1 when an account of any shard failed, like `qbr generate` itself, so
 * the last step of a job pipeline shows whether the whole run succeeded.
 */
export async function mergeManifestsCommand(
  inputs: string[],
  options: { output: string; debug?: boolean },
  io: Io,
): Promise<number> {
  prepareOutputFolder(options.output);
  const result = await mergeManifests(inputs, options.output);
  const accounts = result.manifest.accounts;
  const failed = accounts.filter((entry) => entry.status === "failed");
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  reportFailures(
    failed.map((entry) => ({ source: entry.source, oneLine: (entry.error ?? entry.source).split("\n")[0]! })),
    io,
    options.debug,
  );
  const decks = accounts.filter((entry) => entry.files.length > 0).length;
  io.out(
    `Merged ${plural(result.sources.length, "manifest")}: ${plural(accounts.length, "account")}, ` +
      `${decks} with decks, ${failed.length} failed.`,
  );
  io.out(`Manifest: ${result.manifestFile}`);
  io.out(`Portfolio: ${result.portfolio.join(", ")}`);
  return failed.length > 0 ? 1 : 0;
}
