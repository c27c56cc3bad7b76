// The working set: the files of the active version the lead is editing, as text. Only changed files go into a
// draft. "Unchecked" means edited since the last Check, which is what the leave-the-page warning is about.
import { policy } from './api.js';

export const TABLES = ['Actions.dmn', 'Compensation.dmn', 'Dissatisfaction.dmn', 'Escalation.dmn', 'Remedies.dmn', 'ResponseTimes.dmn'];

const files = new Map(); // name -> { kind, original: string|null, content: string|null, touched }
let version = null;
let unchecked = false;
const listeners = new Set();

function notify(name) {
  for (const listener of listeners) {
    listener(name);
  }
}

export function onChange(listener) {
  listeners.add(listener);
}

/** Starts over from a version's file list (PolicyFile[]): nothing loaded, nothing changed. */
export function reset(versionId, fileList) {
  version = versionId;
  files.clear();
  unchecked = false;
  for (const file of fileList) {
    files.set(file.name, { kind: file.kind, original: null, content: null, touched: false });
  }
  notify(null);
}

export function baseVersion() {
  return version;
}

export function tableNames() {
  const names = [...files.entries()].filter(([, f]) => f.kind === 'TABLE').map(([name]) => name);
  return names.length > 0 ? names.sort() : [...TABLES];
}

/** Scenario files in policy order, P1 before P2 before P10. */
export function scenarioNames() {
  const number = (name) => Number((/^P(\d+)/.exec(name) || [0, 999])[1]);
  return [...files.entries()].filter(([, f]) => f.kind === 'SCENARIOS').map(([name]) => name)
    .sort((a, b) => number(a) - number(b) || a.localeCompare(b));
}

/** The file's current text, downloaded from the base version the first time. */
export async function content(name) {
  let file = files.get(name);
  if (!file) {
    file = { kind: name.endsWith('.dmn') ? 'TABLE' : 'SCENARIOS', original: null, content: null, touched: false };
    files.set(name, file);
  }
  if (file.content === null) {
    const text = await policy.versionFile(version, name);
    file.original = typeof text === 'string' ? text : String(text);
    if (file.content === null) {
      file.content = file.original;
    }
  }
  return file.content;
}

export function original(name) {
  const file = files.get(name);
  return file ? file.original : null;
}

/** The lead changed the file to this text. */
export function update(name, text) {
  const file = files.get(name);
  if (!file || file.content === text) {
    return;
  }
  file.content = text;
  unchecked = true;
  notify(name);
}

/** The lead changed the file in the editor; its text is fetched from the editor later. */
export function touch(name) {
  const file = files.get(name);
  if (!file || file.touched) {
    unchecked = true;
    return;
  }
  file.touched = true;
  unchecked = true;
  notify(name);
}

export function isChanged(name) {
  const file = files.get(name);
  return Boolean(file && (file.touched || (file.content !== null && file.content !== file.original)));
}

export function changedFiles() {
  return [...files.keys()].filter(isChanged);
}

export function hasUncheckedChanges() {
  return unchecked && changedFiles().length > 0;
}

/** The changed files were sent in a Check; the warning on leaving is off until the next edit. */
export function markChecked() {
  unchecked = false;
}
