// Interface text from messages.json: the language the user last switched to, else the one the
// server speaks (drafter's --lang / DRAFTER_LANG / locale, given as the page's lang attribute).
let table = {};
let language = localStorage.getItem("drafter-studio:language")
  || (document.documentElement.lang.startsWith("en") ? "en" : "zh");

export async function loadMessages() {
  const response = await fetch("/static/messages.json");
  table = await response.json();
  apply();
}

export function currentLanguage() { return language; }

export function switchLanguage() {
  language = language === "zh" ? "en" : "zh";
  localStorage.setItem("drafter-studio:language", language);
  apply();
}

/** The message `key` in the current language (then the fallback, then Chinese), with {name} filled in. */
export function t(key, values = {}, fallback = undefined) {
  let text = table[language]?.[key] ?? fallback ?? table.zh?.[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, value);
  return text;
}

function apply() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = t("app.title");
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
}
