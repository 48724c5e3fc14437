// The page has loaded and its first frame is painted: tell Rust, as Jeton's UI does
// after its first rows (ui/src/lib/firstPaint.ts).
addEventListener("load", () =>
  requestAnimationFrame(() => setTimeout(() => window.__TAURI_INTERNALS__.invoke("first_paint"))),
);
