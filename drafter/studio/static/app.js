// drafter studio: the outline file as form and YAML, kept in step, with the page beside them.
// The file on disk is the truth: changes are saved as you type (atomically, only over the version
// this page started from); what is typed but not yet saved is kept in this browser's storage.
import { call, ApiError } from "./api.js";
import { loadMessages, switchLanguage, t } from "./i18n.js";
import { OutlineForm, el } from "./form.js";
import { YamlEditor } from "./editor.js";
import { PageView } from "./pages.js";

const $ = (id) => document.getElementById(id);
const STORE = "drafter-studio:";
const SAVE_AFTER = 800, ANALYSE_AFTER = 250, POLL_EVERY = 3000;

const state = { name: "", version: null, saved: "", analysis: null, conflict: null, info: null, saving: null };
const timers = {};

function later(name, ms, work) {
  clearTimeout(timers[name]);
  timers[name] = setTimeout(work, ms);
}

function status(key) { $("status").textContent = key ? t(key) : ""; $("status").dataset.state = key || ""; }

function notice(text, kind = "info", buttons = []) {
  const box = el("div", { class: kind }, text);
  for (const [label, action] of buttons) {
    const button = el("button", {}, label);
    button.addEventListener("click", () => { box.remove(); action(); });
    box.append(button);
  }
  if (kind === "conflict") for (const old of document.querySelectorAll("#notices .conflict")) old.remove();
  $("notices").append(box);
  if (kind === "info") setTimeout(() => box.remove(), 6000);
  return box;
}

function department() { return $("department").value || "auto"; }

// -- the two views and the page --------------------------------------------------------------

const editor = new YamlEditor($("yaml"), { changed: (text) => textChanged(text, "yaml"), fix: (f) => applyFix(f) });
const form = new OutlineForm($("form"), { edit: (edits) => formEdit(edits), fix: (f) => applyFix(f) });
const pageView = new PageView($("pages"), $("page-info"), () => ({ name: state.name, text: editor.text, department: department() }));

/** Every change of text, wherever it came from, ends here. */
function textChanged(text, origin) {
  if (!state.name) return;
  if (origin !== "yaml") editor.setText(text);
  localStorage.setItem(STORE + state.name, JSON.stringify({ base: state.version, text, at: Date.now() }));
  status(text === state.saved ? "status.saved" : "status.unsaved");
  later("analyse", ANALYSE_AFTER, analyse);
  pageView.refreshSoon();
  if (!state.conflict) later("save", SAVE_AFTER, save);
}

let editing = Promise.resolve();
function formEdit(edits) {
  editing = editing.then(async () => {
    try {
      const result = await call("POST", "/api/edit", { text: editor.text, edits });
      textChanged(result.text, "form");
    } catch (error) { showError(error); }
  });
  return editing;
}

async function applyFix(finding) {
  try {
    const result = await call("POST", "/api/fix", { name: state.name, text: editor.text, line: finding.line,
                                                   column: finding.column, code: finding.code });
    textChanged(result.text, "fix");
  } catch (error) { showError(error); }
}

async function fixAll() {
  const result = await call("POST", "/api/fix", { name: state.name, text: editor.text, all: true });
  textChanged(result.text, "fix");
}

async function analyse() {
  const text = editor.text;
  try {
    const analysis = await call("POST", "/api/analyse", { name: state.name, text });
    if (text !== editor.text) return;  // typed on meanwhile: the next analysis follows
    state.analysis = analysis;
    editor.form = analysis.form;
    editor.showFindings(analysis.findings);
    if (form.busy) later("analyse", ANALYSE_AFTER, analyse);  // a form field is being typed in: redraw after
    else form.render(analysis);
    showProblems(analysis.findings);
    showStats(analysis.stats);
  } catch (error) { showError(error); }
}

function showProblems(findings) {
  const box = $("problems");
  box.replaceChildren();
  if (!findings.length) { box.append(el("p", {}, t("panel.none"))); return; }
  if (findings.some((f) => f.fixable)) {
    const all = el("button", { class: "small", id: "fix-all" }, t("panel.fix.all"));
    all.addEventListener("click", () => fixAll().catch(showError));
    box.append(all);
  }
  for (const finding of findings) {
    const item = el("div", { class: `problem ${finding.severity}`, "data-code": finding.code });
    item.append(el("code", {}, `${finding.line}:${finding.column} ${finding.code} `), document.createTextNode(finding.message));
    if (finding.fixable) {
      const fix = el("button", { class: "small fix" }, t("panel.fix"));
      fix.addEventListener("click", (event) => { event.stopPropagation(); applyFix(finding); });
      item.append(fix);
    }
    item.addEventListener("click", () => { showTab("yaml"); editor.reveal(finding); });
    box.append(item);
  }
}

function showStats(stats) {
  const box = $("stats");
  box.replaceChildren();
  if (!stats) return;
  const table = el("table", { class: "stats" });
  const row = (cells) => { const tr = el("tr"); cells.forEach(([text, cls]) => tr.append(el("td", cls ? { class: cls } : {}, text))); table.append(tr); };
  row([[t("stats.chars")], [String(stats.chars), "n"]]);
  row([[t("stats.hanzi")], [String(stats.hanzi), "n"]]);
  if (stats.minutes) row([[t("stats.minutes")], [stats.minutes, "n"]]);
  for (const part of stats.rows) row([[part.label === "front matter" ? t("stats.front") : t(`field.${part.label}`, {}, part.label)], [`${part.chars}${part.minutes ? " · " + part.minutes : ""}`, "n"]]);
  box.append(table);
}

// -- files: open, save, conflicts ---------------------------------------------------------------

async function save() {
  if (!state.name || state.conflict) return;
  const text = editor.text;
  if (text === state.saved) { status("status.saved"); return; }
  if (state.saving) { later("save", SAVE_AFTER, save); return; }
  status("status.saving");
  state.saving = call("PUT", "/api/file", { name: state.name, text, version: state.version });
  try {
    const result = await state.saving;
    state.version = result.version;
    state.saved = text;
    if (editor.text === text) localStorage.removeItem(STORE + state.name);
    status(editor.text === text ? "status.saved" : "status.unsaved");
  } catch (error) {
    if (error.status === 409) showConflict(error.body.current);
    else if (error.status === 0) status("status.offline");
    else showError(error);
  } finally {
    state.saving = null;
  }
}

function showConflict(current) {
  state.conflict = current || { text: "", version: null };
  notice(t("conflict.title"), "conflict", [
    [t("conflict.load"), () => { const c = state.conflict; state.conflict = null; load(state.name, c); }],
    [t("conflict.keep"), () => { state.version = state.conflict.version; state.conflict = null; save(); }],
  ]);
}

/** Open `name`; `document` when its text and version are already known. */
async function load(name, known = null) {
  const doc = known && known.text !== undefined ? known : await call("GET", `/api/file?name=${encodeURIComponent(name)}`);
  state.name = name;
  state.version = doc.version;
  state.saved = doc.text;
  state.conflict = null;
  localStorage.setItem(STORE + "last", name);
  $("file").value = name;
  editor.setText(doc.text);
  const kept = JSON.parse(localStorage.getItem(STORE + name) || "null");
  if (kept && kept.text !== doc.text && !known) {
    if (kept.base === doc.version) {
      editor.setText(kept.text);
      notice(t("notice.restored"));
      later("save", SAVE_AFTER, save);
    } else {
      editor.setText(kept.text);
      showConflict({ text: doc.text, version: doc.version });
    }
  } else {
    localStorage.removeItem(STORE + name);
  }
  status(editor.text === state.saved ? "status.saved" : "status.unsaved");
  await analyse();
  pageView.reset();
  pageView.refreshSoon(0);
}

/** Notice a change on disk (another tab, another program) while nothing is being typed. */
async function poll() {
  if (!state.name || state.saving || state.conflict || document.hidden) return;
  try {
    const doc = await call("GET", `/api/file?name=${encodeURIComponent(state.name)}`);
    if (doc.version === state.version || state.saving) return;
    if (editor.text === state.saved) { await load(state.name, doc); notice(t("notice.reloaded")); }
    else showConflict(doc);
  } catch (error) {
    if (error.status === 0) status("status.offline");
  }
}

async function refreshFiles(select = null) {
  state.info = await call("GET", "/api/info");
  const files = $("file");
  files.replaceChildren(...state.info.files.map((name) => el("option", { value: name }, name)));
  if (select) files.value = select;
}

function showError(error) {
  if (error instanceof ApiError && error.status === 0) { status("status.offline"); return; }
  notice(error.message || String(error), "error");
}

function showTab(which) {
  $("form").hidden = which !== "form";
  $("yaml").hidden = which !== "yaml";
  $("tab-form").classList.toggle("active", which === "form");
  $("tab-yaml").classList.toggle("active", which === "yaml");
  if (which === "yaml") editor.view.requestMeasure();
}

async function download(format) {
  const response = await call("POST", "/api/download", { name: state.name, text: editor.text, department: department(), format });
  const blob = await response.blob();
  const link = el("a", { href: URL.createObjectURL(blob), download: state.name.replace(/\.ya?ml$/i, "." + format).split("/").pop() });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

// -- start ----------------------------------------------------------------------------------

async function start() {
  await loadMessages();
  await refreshFiles();
  editor.kinds = state.info.kinds;
  const kinds = $("new-kind");
  for (const kind of state.info.kinds) kinds.append(el("option", { value: kind.name, title: kind.description }, t(`kind.${kind.name}`, {}, kind.name)));
  const departments = $("department");
  for (const choice of state.info.departments) {
    departments.append(el("option", { value: choice.id }, choice.name || t(`dept.${choice.id}`)));
  }
  pageView.missing = state.info.office_missing;

  $("file").addEventListener("change", () => save().then(() => load($("file").value)).catch(showError));
  kinds.addEventListener("change", async () => {
    const kind = kinds.value;
    kinds.value = "";
    if (!kind) return;
    try {
      await save();
      const made = await call("POST", "/api/new", { kind });
      await refreshFiles(made.name);
      await load(made.name, made);
      notice(t("notice.created", { name: made.name }));
    } catch (error) { showError(error); }
  });
  $("import").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    try {
      await save();
      const made = await call("POST", "/api/import", await file.arrayBuffer(), { "x-file-name": encodeURIComponent(file.name) });
      await refreshFiles(made.name);
      await load(made.name, made);
      notice(t("notice.imported", { name: made.name }));
    } catch (error) { showError(error); }
  });
  departments.addEventListener("change", () => pageView.refreshSoon(0));
  $("download-docx").addEventListener("click", () => download("docx").catch(showError));
  $("download-pdf").addEventListener("click", () => download("pdf").catch(showError));
  $("tab-form").addEventListener("click", () => showTab("form"));
  $("tab-yaml").addEventListener("click", () => showTab("yaml"));
  $("language").addEventListener("click", () => {
    switchLanguage();
    for (const option of kinds.options) if (option.value) option.textContent = t(`kind.${option.value}`, {}, option.value);
    for (const option of departments.options) {
      const choice = state.info.departments.find((c) => c.id === option.value);
      option.textContent = choice.name || t(`dept.${choice.id}`);
    }
    if (state.analysis) { form.render(state.analysis); showProblems(state.analysis.findings); showStats(state.analysis.stats); }
  });
  window.addEventListener("beforeunload", () => { if (editor.text !== state.saved) save(); });
  setInterval(poll, POLL_EVERY);

  const wanted = new URLSearchParams(location.search).get("file") || localStorage.getItem(STORE + "last");
  const first = state.info.files.includes(wanted) ? wanted : state.info.files[0];
  if (first) await load(first);
  else pageView.empty();
  document.body.dataset.ready = "true";
}

start().catch(showError);
