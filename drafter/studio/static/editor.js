// The YAML view: CodeMirror 6 with YAML highlighting, key completion and hover help from the
// kind's fields (the same model the JSON Schema is made from), and check findings as diagnostics.
import {
  EditorView, EditorState, basicSetup, yaml, autocompletion, hoverTooltip, linter, lintGutter, setDiagnostics,
} from "./vendor/codemirror/codemirror.js";

export class YamlEditor {
  /** `changed(text)` is called after the user edits; `fix(finding)` applies a finding's fix. */
  constructor(parent, { changed, fix }) {
    this.form = null;
    this.kinds = [];
    this.quiet = false;
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: "",
        extensions: [
          basicSetup, yaml(), lintGutter(), EditorView.lineWrapping,
          autocompletion({ override: [(context) => this.complete(context)] }),
          hoverTooltip((view, pos) => this.hover(view, pos)),
          linter(null),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !this.quiet) changed(this.text);
          }),
        ],
      }),
    });
    this.fix = fix;
  }

  get text() { return this.view.state.doc.toString(); }

  /** Replace the text (from the form, a fix or a load) changing only the part that differs. */
  setText(text) {
    const old = this.text;
    if (old === text) return;
    let start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) start++;
    let oldEnd = old.length, newEnd = text.length;
    while (oldEnd > start && newEnd > start && old[oldEnd - 1] === text[newEnd - 1]) { oldEnd--; newEnd--; }
    this.quiet = true;
    try {
      this.view.dispatch({ changes: { from: start, to: oldEnd, insert: text.slice(start, newEnd) } });
    } finally {
      this.quiet = false;
    }
  }

  /** Show `findings` (line, column, message, fixable) in the gutter and under the text. */
  showFindings(findings) {
    const doc = this.view.state.doc;
    const diagnostics = findings.map((finding) => {
      const line = doc.line(Math.min(Math.max(finding.line, 1), doc.lines));
      const from = Math.min(line.from + Math.max(finding.column - 1, 0), line.to);
      const to = Math.min(from + 1, line.to);
      const diagnostic = { from, to: Math.max(to, from), severity: finding.severity === "error" ? "error" : "warning",
                           message: `${finding.code} ${finding.message}` };
      if (finding.fixable) diagnostic.actions = [{ name: "fix", apply: () => this.fix(finding) }];
      return diagnostic;
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Move the cursor to a finding and show it. */
  reveal(finding) {
    const doc = this.view.state.doc;
    const line = doc.line(Math.min(Math.max(finding.line, 1), doc.lines));
    const pos = Math.min(line.from + Math.max(finding.column - 1, 0), line.to);
    this.view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
    this.view.focus();
  }

  // -- completion and hover from the kind's fields ----------------------------------------------

  /** The fields that apply to a key at column `indent` of line `lineNumber`, from the keys above it. */
  fieldsAt(lineNumber, indent) {
    if (!this.form) return null;
    const doc = this.view.state.doc;
    const chain = [];
    let limit = indent;
    for (let n = lineNumber - 1; n >= 1 && limit > 0; n--) {
      const match = /^(\s*)(- +)?([A-Za-z_][\w-]*):/.exec(doc.line(n).text);
      if (!match) continue;
      const dash = match[1].length;
      const keyColumn = dash + (match[2] ? match[2].length : 0);
      if (keyColumn < limit) {
        chain.unshift(match[3]);
        limit = keyColumn;
      }
      if (match[2] && dash < limit) limit = dash + 1;  // an item of a list: its key is at or left of the dash
    }
    let fields = this.form.fields;
    for (const key of chain) {
      const spec = fields.find((f) => f.name === key);
      if (!spec || !spec.record) return null;
      fields = this.form.records[spec.record];
    }
    return fields;
  }

  complete(context) {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const kindValue = /^kind:\s*(\S*)$/.exec(before);
    if (kindValue) {
      return { from: context.pos - kindValue[1].length, options: this.kinds.map((k) => ({ label: k.name, info: k.description })) };
    }
    const key = /^(\s*)(- )?([A-Za-z_]*)$/.exec(before);
    if (!key || (!context.explicit && key[3] === "" && !key[2])) return null;
    const indent = key[1].length + (key[2] ? 2 : 0);
    const fields = this.fieldsAt(line.number, indent);
    if (!fields) return null;
    return {
      from: context.pos - key[3].length,
      options: fields.map((f) => ({ label: f.name, apply: `${f.name}: `, detail: f.accepts, info: f.doc,
                                    boost: f.required ? 1 : 0 })),
    };
  }

  hover(view, pos) {
    const line = view.state.doc.lineAt(pos);
    const match = /^(\s*)(- )?([A-Za-z_][\w-]*):/.exec(line.text);
    if (!match) return null;
    const start = line.from + match[1].length + (match[2] ? 2 : 0);
    const end = start + match[3].length;
    if (pos < start || pos > end) return null;
    const fields = this.fieldsAt(line.number, match[1].length + (match[2] ? 2 : 0));
    const spec = fields?.find((f) => f.name === match[3]);
    if (!spec) return null;
    return {
      pos: start, end, above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "cm-hover-help";
        dom.style.maxWidth = "28em";
        dom.style.padding = ".3em .5em";
        dom.textContent = `${spec.name} (${spec.accepts}${spec.required ? ", required" : ""}): ${spec.doc}`;
        return { dom };
      },
    };
  }
}
