import "@testing-library/jest-dom/vitest";

// jsdom lays nothing out and does not scroll: the windowed list (TokenList.svelte) scrolls
// the window to a row just added, which jsdom would report as not implemented.
window.scrollTo = () => {};
