// The structured form, built from the kind's field descriptions (drafter's model), so that new
// fields appear without code. Every change is sent as an edit (set, delete, insert, move) that the
// server applies to the YAML text, keeping its comments.
import { t } from "./i18n.js";

/** ["sections", 1, "heading"] → "sections[1].heading", as drafter names key paths. */
export function formatPath(path) {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : (out ? `.${part}` : part);
  return out;
}

const LONG_TEXT = new Set(["paragraphs", "points", "opening", "closing", "remarks", "abstract", "consensus"]);

export class OutlineForm {
  /** `edit(edits)` applies edits; `fix(finding)` applies one finding's safe fix. */
  constructor(container, { edit, fix }) {
    this.container = container;
    this.edit = edit;
    this.fix = fix;
    this.pending = new Map();   // path → timer of a text change not yet sent
    this.dragged = null;
    this.collapsed = new Set(); // cards shown as their heading only (by path)
  }

  get busy() { return this.pending.size > 0; }

  /** Draw the form for `analysis` (data, form, labels, findings); keeps the focused field. */
  render(analysis) {
    this.analysis = analysis;
    const focus = this.focusState();
    const root = document.createElement("div");
    if (!analysis.form || !analysis.data) {
      root.append(el("div", { class: "broken" }, t("form.broken")));
    } else {
      this.labels = analysis.labels || {};
      this.findings = groupFindings(analysis.findings || []);
      const spec = analysis.form;
      this.records = spec.records;
      this.depth = spec.depth;
      root.append(...this.fields(spec.fields, analysis.data, [], 1));
    }
    this.container.replaceChildren(root);
    this.restoreFocus(focus);
    this.placeOrphanFindings();
  }

  fields(specs, data, path, level) {
    const out = [];
    for (const [index, spec] of specs.entries()) {
      if (spec.name === "kind" && path.length === 0) continue;  // the kind is chosen when the outline is made
      const before = specs.slice(0, index).map((s) => s.name);
      out.push(this.field(spec, data?.[spec.name], [...path, spec.name], before, level));
    }
    return out;
  }

  field(spec, value, path, before, level) {
    const box = el("div", { class: "field", "data-path": formatPath(path) });
    const label = el("label", {}, t(`field.${spec.name}`, {}, spec.name));
    label.append(el("span", { class: "key" }, spec.name + (spec.required ? ` · ${t("form.required")}` : "")));
    box.append(label);
    if (spec.doc) box.title = spec.doc;
    switch (spec.type) {
      case "text": case "date": case "number":
        box.append(this.textInput(spec, value, path, before, LONG_TEXT.has(spec.name)));
        break;
      case "bool": case "choice":
        box.append(this.choice(spec, value, path, before));
        break;
      case "texts":
        box.append(...this.texts(spec, value, path, before));
        break;
      case "record":
        box.append(...this.fields(this.records[spec.record], value || {}, path, level));
        break;
      case "records":
        box.append(...this.recordList(spec, value, path, before, level));
        break;
      default:
        box.append(el("div", { class: "help" }, t("form.yaml_only")));
    }
    this.mark(box, formatPath(path));
    return box;
  }

  textInput(spec, value, path, before, long) {
    const shown = value && typeof value === "object" && "date" in value ? value.date : (value ?? "");
    const input = long ? el("textarea", { rows: 2 }) : el("input", { type: "text" });
    input.value = typeof shown === "string" ? shown : String(shown);
    input.dataset.path = formatPath(path);
    if (spec.example) input.placeholder = String(spec.example);
    input.addEventListener("input", () => this.later(path, () => {
      const text = input.value;
      if (text.trim() === "" && !spec.required) return [{ op: "delete", path }];
      let sent = text;
      if (spec.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) sent = { date: text.trim() };
      if (spec.type === "number" && text.trim() !== "" && !Number.isNaN(Number(text))) sent = Number(text);
      return [{ op: "set", path, value: sent, after: before }];
    }));
    return input;
  }

  choice(spec, value, path, before) {
    const select = el("select", { "data-path": formatPath(path) });
    const options = spec.type === "bool" ? [["", t("form.default")], ["true", t("form.yes")], ["false", t("form.no")]]
      : [["", t("form.default")], ...spec.choices.map((c) => [String(c), String(c)])];
    for (const [v, text] of options) select.append(el("option", { value: v }, text));
    select.value = value === undefined || value === null ? "" : String(value);
    select.addEventListener("change", () => {
      if (select.value === "") { if (value !== undefined) this.edit([{ op: "delete", path }]); return; }
      const chosen = spec.type === "bool" ? select.value === "true" : select.value;
      this.edit([{ op: "set", path, value: chosen, after: before }]);
    });
    return select;
  }

  texts(spec, value, path, before) {
    const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    const out = items.map((text, index) => {
      const itemPath = [...path, index];
      const row = el("div", { class: "item", "data-path": formatPath(itemPath) });
      const area = el("textarea", { rows: 2, "data-path": formatPath(itemPath) });
      area.value = typeof text === "string" ? text : JSON.stringify(text);
      area.addEventListener("input", () => this.later(itemPath, () =>
        typeof value === "string" ? [{ op: "set", path, value: [area.value] }] : [{ op: "set", path: itemPath, value: area.value }]));
      const remove = el("button", { class: "small", title: t("form.delete") }, "×");
      remove.addEventListener("click", () => this.edit([{ op: "delete", path: itemPath }]));
      row.append(area, remove);
      this.mark(row, formatPath(itemPath));
      return row;
    });
    const add = el("button", { class: "small add" }, "+ " + t("form.add.item"));
    add.addEventListener("click", () => this.edit([{ op: "insert", path, index: items.length, value: "", after: before }]));
    return [...out, add];
  }

  recordList(spec, value, path, before, level) {
    const items = Array.isArray(value) ? value : [];
    const fields = this.records[spec.record];
    const isSection = spec.name === "sections";
    const out = items.map((item, index) => this.recordCard(spec, fields, item, [...path, index], index, items.length, level, isSection));
    if (!isSection || level <= this.depth) {
      const text = isSection ? (level === 1 ? t("form.add.section") : t("form.add.subsection")) : t("form.add.record");
      const add = el("button", { class: "small add", "data-add": formatPath(path) }, "+ " + text);
      add.addEventListener("click", () => this.edit([{ op: "insert", path, index: items.length, value: newRecord(fields), after: before }]));
      out.push(add);
    }
    return out;
  }

  recordCard(spec, fields, item, path, index, count, level, isSection) {
    const name = formatPath(path);
    const card = el("div", { class: "record", "data-path": name, "data-index": String(index) });
    const head = el("div", { class: "record-head" });
    const handle = el("span", { class: "handle", title: t("form.drag"), draggable: "true" }, "⠿");
    const number = el("span", { class: "number" }, this.labels[name] || `${index + 1}.`);
    const up = el("button", { class: "small up", title: t("form.up") }, "↑");
    const down = el("button", { class: "small down", title: t("form.down") }, "↓");
    const remove = el("button", { class: "small delete", title: t("form.delete") }, "×");
    const fold = el("button", { class: "small fold", title: t("form.fold") }, this.collapsed.has(name) ? "▸" : "▾");
    if (this.collapsed.has(name)) card.classList.add("collapsed");
    fold.addEventListener("click", () => {
      const folded = card.classList.toggle("collapsed");
      if (folded) this.collapsed.add(name); else this.collapsed.delete(name);
      fold.textContent = folded ? "▸" : "▾";
    });
    const list = path.slice(0, -1);
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    up.addEventListener("click", () => this.edit([{ op: "move", path: list, from: index, to: index - 1 }]));
    down.addEventListener("click", () => this.edit([{ op: "move", path: list, from: index, to: index + 1 }]));
    remove.addEventListener("click", () => this.edit([{ op: "delete", path }]));
    head.append(fold, handle, number, el("span", { class: "spacer" }), up, down, remove);
    card.append(head);
    const nested = fields.filter((f) => !(isSection && f.name === "sections" && level >= this.depth));
    card.append(...this.fields(nested, item || {}, path, level + 1));
    this.dragging(card, handle, list, index);
    return card;
  }

  dragging(card, handle, list, index) {
    const key = formatPath(list);
    handle.addEventListener("dragstart", (event) => {
      this.dragged = { key, index };
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", `${key}#${index}`);
      card.classList.add("dragging");
    });
    handle.addEventListener("dragend", () => card.classList.remove("dragging"));
    card.addEventListener("dragover", (event) => {
      if (this.dragged?.key !== key) return;
      event.preventDefault();
      event.stopPropagation();
      card.classList.add("drop-target");
    });
    card.addEventListener("dragleave", () => card.classList.remove("drop-target"));
    card.addEventListener("drop", (event) => {
      card.classList.remove("drop-target");
      if (this.dragged?.key !== key) return;
      event.preventDefault();
      event.stopPropagation();
      const from = this.dragged.index;
      this.dragged = null;
      if (from !== index) this.edit([{ op: "move", path: list, from, to: index }]);
    });
  }

  /** Send a text change once typing pauses. */
  later(path, makeEdits) {
    const key = formatPath(path);
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.edit(makeEdits());
    }, 350));
  }

  /** Show the findings at `path` under `box` and colour it. */
  mark(box, path) {
    const here = this.findings?.get(path);
    if (!here) return;
    this.findings.delete(path);
    box.classList.add(here.some((f) => f.severity === "error") ? "error" : "warning");
    for (const finding of here) box.append(this.findingLine(finding));
  }

  findingLine(finding) {
    const line = el("div", { class: `finding ${finding.severity}`, "data-code": finding.code }, `${finding.code} ${finding.message}`);
    if (finding.fixable) {
      const button = el("button", { class: "small fix" }, t("panel.fix"));
      button.addEventListener("click", () => this.fix(finding));
      line.append(button);
    }
    return line;
  }

  /** Findings whose path has no field of its own go to the nearest enclosing field, else the top. */
  placeOrphanFindings() {
    if (!this.findings) return;
    for (const [path, list] of this.findings) {
      let target = null;
      let probe = path;
      while (probe && !target) {
        target = this.container.querySelector(`[data-path="${CSS.escape(probe)}"]`);
        probe = probe.replace(/(\[\d+\]|\.?[^.[\]]+)$/, "");
      }
      target = target || this.container.firstElementChild;
      if (!target) continue;
      target.classList.add(list.some((f) => f.severity === "error") ? "error" : "warning");
      for (const finding of list) target.append(this.findingLine(finding));
    }
  }

  focusState() {
    const active = document.activeElement;
    if (!active || !this.container.contains(active) || !active.dataset.path) return null;
    return { path: active.dataset.path, tag: active.tagName, start: active.selectionStart, end: active.selectionEnd };
  }

  restoreFocus(state) {
    if (!state) return;
    const target = this.container.querySelector(`${state.tag}[data-path="${CSS.escape(state.path)}"]`);
    if (!target) return;
    target.focus();
    if (state.start !== null && state.start !== undefined && target.setSelectionRange) {
      try { target.setSelectionRange(state.start, state.end); } catch { /* not a text field */ }
    }
  }
}

function newRecord(fields) {
  const first = fields.find((f) => f.required && f.type === "text") || fields.find((f) => f.type === "text");
  return first ? { [first.name]: t("form.new_text") } : {};
}

function groupFindings(findings) {
  const map = new Map();
  for (const finding of findings) {
    const key = finding.path || "";
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(finding);
  }
  return map;
}

export function el(tag, attributes = {}, text = undefined) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
