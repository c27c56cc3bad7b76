// Small helpers to build the page with createElement and textContent only: data never goes through innerHTML,
// so a table annotation or a comment can never become markup.

/**
 * el('button', {class: 'primary', type: 'button', on: {click}}, 'Check') — attributes are set with setAttribute,
 * except `class`, `text` (textContent), `on` (listeners) and properties given in `props`.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

function applyAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      element.textContent = value;
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        element.addEventListener(event, handler);
      }
    } else if (name === 'props') {
      Object.assign(element, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Text read by screen readers only (the visual cue is elsewhere, e.g. a highlight). */
export function srOnly(text) {
  return el('span', { class: 'sr-only', text });
}

export function localTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A two-column table of terms and values (a complaint or a decision in the scenario files' words). */
export function termsTable(terms, caption) {
  const entries = Object.entries(terms || {});
  return el('table', { class: 'terms' },
    caption ? el('caption', { text: caption }) : null,
    el('tbody', {}, entries.length === 0
      ? el('tr', {}, el('td', { colspan: 2, text: 'nothing' }))
      : entries.map(([term, value]) => el('tr', {}, el('th', { scope: 'row', text: term }), el('td', { text: value })))));
}

/** The one message area of the page (role="alert"), for errors and confirmations. */
let messageArea = null;

export function bindMessage(element) {
  messageArea = element;
}

export function showMessage(text, kind = 'error') {
  if (!messageArea) {
    return;
  }
  messageArea.className = `message ${kind}`;
  messageArea.hidden = false;
  // Clearing first makes screen readers announce the same text again when it repeats.
  messageArea.textContent = '';
  messageArea.textContent = text;
}

export function clearMessage() {
  if (messageArea) {
    messageArea.textContent = '';
    messageArea.className = 'message';
    messageArea.hidden = true;
  }
}

/** Shows an error in words: an ApiError's message is already in words, anything else gets a plain sentence. */
export function showError(error, what) {
  const text = error && error.isApiError ? error.message : `Something went wrong${what ? ` ${what}` : ''}: ${error && error.message ? error.message : error}`;
  showMessage(what && error && error.isApiError ? `${capitalise(what)}: ${text}` : text, 'error');
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
