import { describe, expect, it } from "vitest";
import type { PreviewBuild } from "../src/preview/build.js";
import { PreviewSession, type PreviewState } from "../src/preview/session.js";
import { loadPreviewWording } from "../src/preview/wording.js";

/** The preview's builds: one at a time, the last good deck kept, nothing after close(). */

const WORDING = loadPreviewWording();
const good = (text: string, inputs = ["a.yaml"], wording = WORDING): PreviewBuild => ({
  ok: true,
  html: new TextEncoder().encode(text),
  title: text,
  wording,
  warnings: [],
  inputs,
});
const bad = (problem: string): PreviewBuild => ({ ok: false, problems: [problem], inputs: ["a.yaml"] });
const text = (state: PreviewState) => new TextDecoder().decode(state.html ?? new Uint8Array());

/** A build function whose results the test releases one by one. */
function controlledBuilds() {
  const pending: ((build: PreviewBuild) => void)[] = [];
  let started = 0;
  return {
    build: () => {
      started += 1;
      return new Promise<PreviewBuild>((resolve) => pending.push(resolve));
    },
    started: () => started,
    finish: async (build: PreviewBuild) => {
      await new Promise((resolve) => setImmediate(resolve));
      const next = pending.shift();
      if (!next) throw new Error("no build is running");
      next(build);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe("PreviewSession", () => {
  it("keeps the last good deck under a failed build, and counts versions of good decks only", async () => {
    const builds = [good("one"), bad("a.yaml:3:7 contract.arr — expected a number"), good("two")];
    const session = new PreviewSession(WORDING, async () => builds.shift()!);
    const seen: PreviewState[] = [];
    session.subscribe((state) => seen.push(state));
    await session.rebuild();
    await session.rebuild();
    expect(session.state).toMatchObject({
      version: 1,
      problems: ["a.yaml:3:7 contract.arr — expected a number"],
    });
    expect(text(session.state)).toBe("one");
    await session.rebuild();
    expect(session.state).toMatchObject({ version: 2, problems: [] });
    expect(text(session.state)).toBe("two");
    expect(seen.map((state) => state.version)).toEqual([1, 1, 2]);
  });

  it("takes the page's wording from each good build and keeps the last good one under a failed build", async () => {
    const saved = { ...WORDING, pageTitle: "Vorschau" };
    const builds = [good("one", ["a.yaml"], saved), bad("preview.yaml:2:12 pageTitle — expected text")];
    const session = new PreviewSession(WORDING, async () => builds.shift()!);
    expect(session.state.wording.pageTitle).toBe("qbr preview");
    await session.rebuild();
    expect(session.state.wording.pageTitle).toBe("Vorschau");
    await session.rebuild();
    expect(session.state.problems).toEqual(["preview.yaml:2:12 pageTitle — expected text"]);
    expect(session.state.wording.pageTitle).toBe("Vorschau");
  });

  it("runs one build at a time: saves during a build give exactly one more build, of the latest files", async () => {
    const builds = controlledBuilds();
    const session = new PreviewSession(WORDING, builds.build);
    const first = session.rebuild();
    void session.rebuild();
    void session.rebuild();
    void session.rebuild();
    expect(builds.started()).toBe(1);
    await builds.finish(good("stale"));
    expect(builds.started()).toBe(2);
    await builds.finish(good("latest"));
    await first;
    expect(builds.started()).toBe(2);
    expect(text(session.state)).toBe("latest");
  });

  it("tells the watcher when the files a build read change", async () => {
    const builds = [good("one", ["a.yaml"]), good("two", ["a.yaml"]), good("three", ["a.yaml", "logo.png"])];
    const told: string[][] = [];
    const session = new PreviewSession(
      WORDING,
      async () => builds.shift()!,
      (inputs) => told.push(inputs),
    );
    await session.rebuild();
    await session.rebuild();
    await session.rebuild();
    expect(told).toEqual([["a.yaml"], ["a.yaml", "logo.png"]]);
  });

  it("drops what a build gives after close(): no state, no listener, no watcher change", async () => {
    const builds = controlledBuilds();
    const told: string[][] = [];
    const session = new PreviewSession(WORDING, builds.build, (inputs) => told.push(inputs));
    const seen: PreviewState[] = [];
    session.subscribe((state) => seen.push(state));
    const running = session.rebuild();
    session.close();
    await builds.finish(good("late"));
    await running;
    await session.rebuild();
    expect(builds.started()).toBe(1);
    expect(session.state.version).toBe(0);
    expect(seen).toEqual([]);
    expect(told).toEqual([]);
  });
});
