// A list windowed over the page's own scroll: only the items in view (and a few either
// side) are in the DOM. The geometry is TanStack Virtual's (@tanstack/virtual-core, framework-
// free); this adapts it to runes: `items` and `total` are state, set when it says so.

import { Virtualizer, defaultRangeExtractor, observeWindowOffset, observeWindowRect, windowScroll } from "@tanstack/virtual-core";
import type { Range, VirtualItem } from "@tanstack/virtual-core";

export type { VirtualItem };

export interface WindowListOptions {
  count: number;
  /** A stable key per index: a measured size follows its item when the list changes. */
  key: (index: number) => string;
  /** A size until the item has been measured (px). */
  estimate: (index: number) => number;
  /** Where the list starts in the page (px from the document's top). */
  offset: number;
  /** What covers the top of the window (a sticky header), kept clear when scrolling to an item. */
  coveredTop: number;
  /** Lists of this many items or fewer are shown whole. */
  all: number;
  /** An index kept in the DOM wherever the window is (the focused row), or -1. */
  keep: number;
}

/**
 * Items drawn before and after the window, so that Tab and a small scroll find the next
 * row there. Each is work on every keystroke that changes the list: a few is enough.
 */
const OVERSCAN = 2;

/**
 * An item's size as the ResizeObserver reports it, after layout and before paint. Asked
 * when an item is drawn (no observation yet), the size known or estimated: reading
 * offsetHeight there would force a layout in the middle of every update.
 */
function sizeOf(el: HTMLElement, entry: ResizeObserverEntry | undefined, v: Virtualizer<Window, HTMLElement>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const i = v.indexFromElement(el);
  return v.itemSizeCache.get(v.options.getItemKey(i)) ?? v.options.estimateSize(i);
}

/** The indexes a window shows: all of a short list, else the range and the kept index. */
export function shownIndexes(range: Range, all: number, keep: number): number[] {
  if (range.count <= all) return Array.from({ length: range.count }, (_, i) => i);
  const out = defaultRangeExtractor(range);
  if (keep < 0 || keep >= range.count || out.includes(keep)) return out;
  return [...out, keep].sort((a, b) => a - b);
}

export class WindowList {
  /** What to render, in index order; each `start` is from the list's top. */
  items = $state.raw<VirtualItem[]>([]);
  /** The height of the whole list (px), measured items at their size. */
  total = $state(0);
  readonly #v: Virtualizer<Window, HTMLElement>;
  #offset = 0;
  #mounted = false;

  constructor(opts: WindowListOptions) {
    this.#v = new Virtualizer<Window, HTMLElement>(this.#options(opts));
    this.#refresh();
  }

  #options(o: WindowListOptions) {
    this.#offset = o.offset;
    return {
      count: o.count,
      getItemKey: o.key,
      estimateSize: o.estimate,
      scrollMargin: o.offset,
      scrollPaddingStart: o.coveredTop,
      overscan: OVERSCAN,
      rangeExtractor: (r: Range) => shownIndexes(r, o.all, o.keep),
      getScrollElement: () => (typeof window === "undefined" ? null : window),
      observeElementRect: observeWindowRect,
      observeElementOffset: observeWindowOffset,
      scrollToFn: windowScroll,
      // Read at mount: reading the scroll position now would force a layout mid-render.
      initialOffset: 0,
      // The window's size from the start, so that the first frame already shows what fits.
      initialRect: typeof window === "undefined" ? undefined : { width: window.innerWidth, height: window.innerHeight },
      onChange: () => this.#refresh(),
      measureElement: sizeOf,
    };
  }

  /** New options (the list, where it starts, the focused row): the items follow at once. */
  update(opts: WindowListOptions): void {
    this.#v.setOptions(this.#options(opts));
    if (this.#mounted) this.#v._willUpdate();
    this.#refresh();
  }

  #refresh(): void {
    this.items = this.#v.getVirtualItems();
    this.total = this.#v.getTotalSize();
  }

  /**
   * Starts listening to the window's scroll and size; returns the stop function. Call it
   * once the list is in the DOM (the page may have been scrolled before it was).
   */
  mount(): () => void {
    this.#mounted = true;
    const stop = this.#v._didMount();
    this.#v.scrollOffset = window.scrollY;
    this.#v._willUpdate();
    this.#refresh();
    return () => {
      this.#mounted = false;
      stop();
    };
  }

  /** Measures a rendered item (it must carry `data-index`), now and whenever it resizes. */
  measure = (node: HTMLElement): void => {
    this.#v.measureElement(node);
  };

  /** Where an item is drawn: its top, relative to the list. */
  top(item: VirtualItem): number {
    return item.start - this.#offset;
  }

  /** Scrolls the page so that the item is in view; nothing when it already is. */
  reveal(index: number, behavior: "auto" | "smooth" = "auto"): void {
    const at = this.#v.getOffsetForIndex(index, "auto");
    if (at && Math.abs(at[0] - (this.#v.scrollOffset ?? 0)) >= 1) this.#v.scrollToIndex(index, { align: "auto", behavior });
  }
}
