// Jeton's start-up is timed to the first frame painted with the tokens: once the first
// list has loaded, the next frame shows it, and then Rust is told
// (src-tauri/src/startup.rs; bench/app.rs compares it with a bare window's page load).

import type { Backend } from "./backend";

/** Tells Rust once the next frame has been painted. A failure to tell is ignored. */
export function reportFirstPaint(
  backend: Pick<Backend, "firstPaint">,
  frame: ((cb: () => void) => unknown) | undefined = globalThis.requestAnimationFrame,
): void {
  if (!frame) return;
  // The frame's callback runs before it is painted; a task queued there runs after.
  frame(() => setTimeout(() => void backend.firstPaint().catch(() => {})));
}
