// The one translation helper. Every text the pages show is a {vi, en} pair: a {vi, en} object in
// the scripts (or from the server), data-vi/data-en attributes in the markup. The touchscreen shows
// one language the citizen picks; staff pages and the waiting-room display show both ("vi / en").
let current = 'vi';

export function language() { return current; }

/** A {vi, en} text in the page's language ('vi', 'en' or 'both'), or in the one asked for. */
export function t(text, lang = current) {
  if (!text) return '';
  if (lang === 'both') return text.en ? text.vi + ' / ' + text.en : text.vi;
  return text[lang] || text.vi;
}

/** Sets the page's language and renders every element carrying data-vi/data-en in it. */
export function setLanguage(lang) {
  current = lang;
  if (lang !== 'both') document.documentElement.lang = lang;
  render();
}

// An element's pair goes into its text, or into the attribute data-i18n-attr names (e.g. aria-label).
export function render(root = document) {
  root.querySelectorAll('[data-vi]').forEach(el => {
    const text = t({ vi: el.dataset.vi, en: el.dataset.en });
    if (el.dataset.i18nAttr) el.setAttribute(el.dataset.i18nAttr, text);
    else el.textContent = text;
  });
}
