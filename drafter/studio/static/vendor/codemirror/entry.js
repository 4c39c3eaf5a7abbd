// The parts of CodeMirror 6 drafter studio uses, bundled as one ES module.
export { EditorView, keymap, hoverTooltip, Decoration, ViewPlugin } from "@codemirror/view";
export { EditorState, Compartment, StateEffect, StateField } from "@codemirror/state";
export { basicSetup } from "codemirror";
export { yaml } from "@codemirror/lang-yaml";
export { autocompletion } from "@codemirror/autocomplete";
export { linter, lintGutter, setDiagnostics, forceLinting } from "@codemirror/lint";
export { syntaxTree } from "@codemirror/language";
