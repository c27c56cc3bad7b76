// The Tables section: a picker of the version's six tables, the Apache KIE DMN editor on the picked one, and a
// panel of plain text inputs for the rows' annotations (the editor's annotation cell is a FEEL editor that
// garbles prose). Switching tables takes the editor's content into the working set first.
import { readTables, setAnnotation } from './dmn-rows.js';
import { clear, el, showError, showMessage } from './dom.js';
import * as workspace from './workspace.js';

let picker;
let container;
let panel;
let editor = null;
let current = null;
// The editor reported an edit not yet taken into the working set.
let editorDirty = false;
// Opening or replacing content makes the editor lay the model out (the files carry no diagram), which it reports
// as a change; reports in this window after a load are that, not the lead's edit.
let settlingUntil = 0;
let refreshTimer = null;
let switching = Promise.resolve();

export function init(elements) {
  ({ picker, container, panel } = elements);
  picker.addEventListener('change', () => {
    pick(picker.value).catch((error) => showError(error, 'opening the table'));
  });
  workspace.onChange(() => renderPicker());
  // The editor's frame takes many Tab presses to get through; keyboard users can jump over it.
  document.getElementById('skip-editor')?.addEventListener('click', () => {
    (panel.querySelector('input') || panel).focus();
  });
}

export function currentEditor() {
  return editor;
}

export function renderPicker() {
  if (!picker) {
    return;
  }
  const names = workspace.tableNames();
  const selected = current || picker.value || names[0];
  clear(picker);
  for (const name of names) {
    picker.append(el('option', { value: name, text: workspace.isChanged(name) ? `${name} (changed)` : name }));
  }
  picker.value = names.includes(selected) ? selected : names[0];
}

/** Shows the section: opens the editor on the first table the first time. */
export async function show() {
  renderPicker();
  if (!current) {
    await pick(picker.value);
  }
}

/** Forgets the editor and the table (sign out, or a new active version). */
export function reset() {
  if (editor) {
    try {
      editor.close();
    } catch {
      // The editor's frame may be gone already.
    }
  }
  editor = null;
  current = null;
  editorDirty = false;
  clear(container);
  clear(panel);
}

/** Takes the editor's unsaved edit into the working set. */
export async function flush() {
  if (!editor || !current || !editorDirty) {
    return;
  }
  editorDirty = false;
  const text = await editor.getContent();
  workspace.update(current, text);
  workspace.touch(current);
}

export function pick(name) {
  // One switch at a time: a second pick waits for the first, so content never lands in the wrong file.
  switching = switching.catch(() => {}).then(() => open(name));
  return switching;
}

async function open(name) {
  if (!name) {
    return;
  }
  if (name === current && editor) {
    return;
  }
  await writing.catch(() => {});
  // An annotation not yet shown in the editor is in the working set already; the editor moves on to the next table.
  clearTimeout(pushTimer);
  pushTimer = null;
  await flush();
  const text = await workspace.content(name);
  current = name;
  renderPicker();
  // The panel does not wait for the editor, which takes a few seconds to start the first time.
  renderAnnotations(text);
  await load(name, text);
}

async function load(name, text) {
  if (typeof window.DmnEditor === 'undefined') {
    showMessage('The table editor could not be loaded. Reload the page; if it stays so, tell the service team.');
    return;
  }
  settlingUntil = Date.now() + 2500;
  if (!editor) {
    editor = window.DmnEditor.open({
      container,
      initialContent: Promise.resolve(text),
      initialFileNormalizedPosixPathRelativeToTheWorkspaceRoot: name,
      readOnly: false,
      onError: () => showMessage(`The table editor could not open ${name}.`),
    });
    editor.subscribeToContentChanges((isDirty) => {
      if (!isDirty || Date.now() < settlingUntil) {
        return;
      }
      editorDirty = true;
      workspace.touch(current);
      scheduleAnnotationRefresh();
    });
  } else {
    await editor.setContent(name, text);
  }
  editor.markAsSaved();
}

/** After edits in the editor, the panel follows (rows may have been added, moved or removed). */
function scheduleAnnotationRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    if (panel.contains(document.activeElement)) {
      return; // Never pull the input from under the lead's cursor.
    }
    try {
      await flush();
      renderAnnotations(await workspace.content(current));
    } catch (error) {
      showError(error, 'reading the table');
    }
  }, 1200);
}

function renderAnnotations(text) {
  clear(panel);
  panel.append(el('h3', { text: `Annotations of ${current}` }),
    el('p', { class: 'hint', text: 'The annotation says in words what a row does. Edit it here; the change goes into the table when you leave the field.' }));
  let tables;
  try {
    tables = readTables(text, new DOMParser());
  } catch (error) {
    panel.append(el('p', { text: `The rows cannot be shown: ${error.message}.` }));
    return;
  }
  for (const table of tables) {
    const fieldset = el('fieldset', { class: 'annotation-table' }, el('legend', { text: `${table.decision} (${table.hitPolicy.toLowerCase()})` }));
    for (const row of table.rows) {
      const id = `annotation-${row.id}`;
      const context = [
        ...table.inputs.map((header, i) => `${header}: ${row.inputs[i] || '-'}`),
        ...table.outputs.map((header, i) => `${header} = ${row.outputs[i] || '-'}`),
      ].join(' · ');
      const input = el('input', { type: 'text', id, value: row.annotation, 'aria-describedby': `${id}-context`, props: { value: row.annotation } });
      // Each keystroke goes into the working set at once (so the table counts as changed); the editor gets the
      // new text when the lead pauses or leaves the field.
      input.addEventListener('input', () => writeAnnotation(row.id, input.value, false));
      input.addEventListener('change', () => writeAnnotation(row.id, input.value, true));
      fieldset.append(el('div', { class: 'annotation-row' },
        el('label', { for: id, text: `Annotation of row ${row.number}` }),
        input,
        el('p', { class: 'row-context', id: `${id}-context`, text: context })));
    }
    panel.append(fieldset);
  }
}

let writing = Promise.resolve();
let pushTimer = null;

function writeAnnotation(ruleId, value, now) {
  const name = current;
  writing = writing.catch(() => {}).then(async () => {
    if (name !== current) {
      return;
    }
    await flush();
    const before = await workspace.content(name);
    const after = setAnnotation(before, ruleId, value);
    if (after !== before) {
      workspace.update(name, after);
    }
    clearTimeout(pushTimer);
    pushTimer = setTimeout(() => {
      pushTimer = null;
      pushToEditor(name).catch((error) => showError(error, 'changing the annotation'));
    }, now ? 0 : 600);
  }).catch((error) => showError(error, 'changing the annotation'));
  return writing;
}

/** The editor shows the working set's text of the table again (after an annotation was changed here). */
async function pushToEditor(name) {
  if (!editor || name !== current) {
    return;
  }
  const text = await workspace.content(name);
  settlingUntil = Date.now() + 2500;
  await editor.setContent(name, text);
  editor.markAsSaved();
}
