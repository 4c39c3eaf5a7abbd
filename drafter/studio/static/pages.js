// The page view: images of the pages LibreOffice lays out, redrawn when typing pauses. Only the
// pages in view (and the next) are drawn; the others keep their last image, dimmed, until seen.
import { call } from "./api.js";
import { t } from "./i18n.js";
import { el } from "./form.js";

const REDRAW_AFTER = 450;

export class PageView {
  /** `source()` gives {name, text, department} of what to draw. */
  constructor(container, info, source) {
    this.container = container;
    this.info = info;
    this.source = source;
    this.missing = null;
    this.images = [];
    this.pageCount = 0;
    this.running = null;
    this.again = false;
    this.generation = 0;
    this.drawn = new Set();
    container.parentElement.addEventListener("scroll", () => {
      clearTimeout(this.scrollTimer);
      this.scrollTimer = setTimeout(() => { if (this.inView().some((n) => !this.drawn.has(n))) this.refresh(false); }, 150);
    });
  }

  empty() { this.info.textContent = t("page.empty"); }

  reset() {
    this.container.replaceChildren();
    this.images = [];
    this.pageCount = 0;
    this.drawn.clear();
  }

  refreshSoon(delay = REDRAW_AFTER) {
    this.generation++;
    this.drawn.clear();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(true), delay);
  }

  /** The page numbers (1-based) now visible in the column, at least page 1. */
  inView() {
    const column = this.container.parentElement;
    const top = column.scrollTop, bottom = top + column.clientHeight;
    const seen = [];
    this.images.forEach((image, index) => {
      const start = image.offsetTop - column.offsetTop, end = start + image.offsetHeight;
      if (end >= top && start <= bottom) seen.push(index + 1);
    });
    return seen.length ? seen : [1, 2];
  }

  async refresh(changed) {
    if (this.missing) { this.showMissing(this.missing); return; }
    if (this.running) { this.again = true; return; }
    const { name, text, department } = this.source();
    if (!name) return;
    const seen = this.inView();
    const first = Math.max(1, Math.min(...seen)), last = Math.max(...seen) + 1;
    const generation = this.generation;
    this.info.textContent = t("status.rendering");
    this.running = call("POST", "/api/pages", { name, text, department, first, last, dpi: 96 * (window.devicePixelRatio > 1 ? 1.5 : 1) });
    try {
      const result = await this.running;
      this.show(result, generation);
    } catch (error) {
      if (error.body?.missing) { this.missing = error.message; this.showMissing(error.message); }
      else this.info.textContent = t("page.error") + error.message;
    } finally {
      this.running = null;
      if (this.again) { this.again = false; this.refresh(true); }
    }
  }

  show(result, generation) {
    this.pageCount = result.page_count;
    while (this.images.length < result.page_count) {
      const image = el("img", { alt: "", "data-page": String(this.images.length + 1) });
      this.images.push(image);
      this.container.append(image);
    }
    while (this.images.length > result.page_count) this.images.pop().remove();
    if (generation === this.generation) {
      this.images.forEach((image) => { if (!this.drawn.has(Number(image.dataset.page))) image.classList.add("stale"); });
    }
    result.images.forEach((source, offset) => {
      const image = this.images[result.first - 1 + offset];
      if (!image) return;
      image.src = source;
      image.classList.remove("stale");
      if (generation === this.generation) this.drawn.add(result.first + offset);
    });
    this.info.textContent = t("page.count", { n: result.page_count }) + (result.department ? ` · ${result.department}` : "");
    this.container.dataset.version = String(Number(this.container.dataset.version || 0) + 1);
    // the document got shorter than the pages asked for: draw the pages now in view
    if (generation === this.generation && !result.images.length && result.page_count) this.again = true;
  }

  showMissing(message) {
    this.container.replaceChildren(el("p", { class: "missing" }, t("page.missing") + message));
    this.info.textContent = "";
  }
}
