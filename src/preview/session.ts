import type { PreviewBuild } from "./build.js";
import type { PreviewWording } from "./wording.js";

/**
 * What the preview shows: the last deck that built, and the problems of the latest build (none
 * when it built). A failed build keeps the last good deck, so the page can show the problems
 * above the deck the user was looking at instead of a blank page.
 */
export interface PreviewState {
  /** Increases with every deck that built; the page reloads the deck when it changes. */
  version: number;
  /** The last good deck's HTML, or null before any build succeeded. */
  html: Uint8Array | null;
  /** The deck's title (for the page's title), or "" before any deck. */
  title: string;
  /** The page's wording of the last good build, or the wording read at start before any. */
  wording: PreviewWording;
  /** The latest build's problems, as the CLI prints them; empty when it built. */
  problems: string[];
  /** Warnings of the latest build that did not stop it. */
  warnings: string[];
}

export type Listener = (state: PreviewState) => void;

/**
 * Runs builds one at a time: a change while a build runs asks for one more build after it (never
 * two at once, never a queue of stale ones), so the page always ends on the files as last saved.
 */
export class PreviewSession {
  private current: PreviewState;
  private readonly listeners = new Set<Listener>();
  private running: Promise<void> | null = null;
  private again = false;
  private inputs: string[] = [];
  private closed = false;

  constructor(
    wording: PreviewWording,
    private readonly build: () => Promise<PreviewBuild>,
    private readonly onInputs: (inputs: string[]) => void = () => {},
  ) {
    this.current = { version: 0, html: null, title: "", wording, problems: [], warnings: [] };
  }

  get state(): PreviewState {
    return this.current;
  }

  /** Called with the new state after every build. Returns the function that removes it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * No more builds; a build still running is left to finish, and what it gives is dropped (so
   * nothing is watched or announced after the preview stopped).
   */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  /** Builds now, or once more after the build that is running; resolves when the files are built. */
  rebuild(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const build = await this.build();
      if (this.closed) return;
      this.apply(build);
    } while (this.again);
  }

  private apply(build: PreviewBuild): void {
    const previous = this.current;
    this.current = build.ok
      ? {
          version: previous.version + 1,
          html: build.html,
          title: build.title,
          wording: build.wording,
          problems: [],
          warnings: build.warnings,
        }
      : { ...previous, problems: build.problems, warnings: [] };
    if (build.inputs.join("\n") !== this.inputs.join("\n")) {
      this.inputs = build.inputs;
      this.onInputs(build.inputs);
    }
    for (const listener of this.listeners) listener(this.current);
  }
}
