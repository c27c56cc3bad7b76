// The Scenarios section: a picker of the version's scenario files and each Examples table of the picked file as a
// grid of inputs. Every edit is written straight back into the file's text by gherkin-tables.js, which keeps the
// rest of the file byte for byte; the grid is drawn again from the text after a row is added or removed, so that
// the line numbers it shows are always the file's.
import { addRow, parseExamples, parseStepTables, removeRow, setCell, setStepCell } from './gherkin-tables.js';
import { clear, el, showError, showMessage } from './dom.js';
import * as workspace from './workspace.js';

let picker;
let grid;
let current = null;

export function init(elements) {
  ({ picker, grid } = elements);
  picker.addEventListener('change', () => {
    open(picker.value).catch((error) => showError(error, 'opening the scenario file'));
  });
  workspace.onChange(() => renderPicker());
}

export function reset() {
  current = null;
  clear(grid);
}

export function renderPicker() {
  if (!picker) {
    return;
  }
  const names = workspace.scenarioNames();
  const selected = current || picker.value || names[0];
  clear(picker);
  for (const name of names) {
    picker.append(el('option', { value: name, text: workspace.isChanged(name) ? `${name} (changed)` : name }));
  }
  if (names.length > 0) {
    picker.value = names.includes(selected) ? selected : names[0];
  }
}

export async function show() {
  renderPicker();
  if (!current && picker.value) {
    await open(picker.value);
  }
}

/** Opens a file; with a line, moves the focus to that example row (from a failing example's "Edit"). */
export async function open(name, line, term) {
  const text = await workspace.content(name);
  current = name;
  renderPicker();
  render(text);
  if (line) {
    const wanted = Number(line);
    // The example's row; for a plain scenario (its line is the Scenario line) its first step table.
    const target = grid.querySelector(`input[data-line="${wanted}"]`)
      || termInput(wanted, term)
      || grid.querySelector(`[data-scenario-line="${wanted}"] input`);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
      const highlight = target.closest('[data-scenario-line]') ? target.closest('table') : target.closest('tr');
      highlight?.classList.add('highlight');
    } else {
      showMessage(`Line ${wanted} of ${name} is not in one of its example tables; the file is shown from the top.`);
    }
  }
}

/** In a plain scenario, the value of the term that did not match (its name as the file writes it, case aside). */
function termInput(scenarioLine, term) {
  if (!term) {
    return null;
  }
  const wanted = term.trim().toLowerCase().replace(/\s+/g, ' ');
  const terms = [...grid.querySelectorAll(`[data-scenario-line="${scenarioLine}"] input[data-column="term"]`)];
  const match = terms.find((input) => input.value.trim().toLowerCase().replace(/\s+/g, ' ') === wanted);
  return match ? match.closest('tr').querySelector('input[data-column="value"]') : null;
}

function render(text) {
  clear(grid);
  // Outlines' Examples tables, and the step tables of plain scenarios (one example each), in file order.
  const parts = [
    ...parseExamples(text).map((table) => ({ line: table.firstLine, element: renderTable(table) })),
    ...parseStepTables(text).map((table) => ({ line: table.firstLine, element: renderStepTable(table) })),
  ].sort((a, b) => a.line - b.line);
  if (parts.length === 0) {
    grid.append(el('p', { text: 'This file has no example tables.' }));
    return;
  }
  for (const part of parts) {
    grid.append(part.element);
  }
}

/** Width of a column's inputs: enough for its longest value, so a lead sees whole values. */
function sizeOf(values) {
  return Math.min(40, Math.max(5, ...values.map((v) => String(v).length + 1)));
}

const STEP_COLUMNS = ['term', 'value'];

function renderStepTable(table) {
  const captionId = `steps-${table.firstLine}`;
  const body = el('tbody');
  const sizes = STEP_COLUMNS.map((_, c) => sizeOf(table.rows.map((row) => row.cells[c] ?? '')));
  table.rows.forEach((row, rowIndex) => {
    body.append(el('tr', {}, STEP_COLUMNS.map((column, columnIndex) => {
      const input = el('input', {
        type: 'text',
        size: sizes[columnIndex],
        'aria-label': `${column} at line ${row.line}`,
        'data-line': row.line,
        'data-column': column,
        props: { value: row.cells[columnIndex] ?? '' },
      });
      input.addEventListener('input', () => {
        edit((text) => setStepCell(text, table.index, rowIndex, columnIndex, input.value), false);
      });
      return el('td', {}, input);
    })));
  });
  return el('div', { class: 'examples steps', 'data-scenario-line': table.scenarioLine },
    el('table', { class: 'grid' },
      el('caption', { id: captionId, text: `${table.scenario}: ${table.step} (line ${table.stepLine})` }),
      el('thead', {}, el('tr', {}, STEP_COLUMNS.map((column) => el('th', { scope: 'col', text: column })))),
      body));
}

function renderTable(table) {
  const captionId = `examples-${table.examplesLine}`;
  const body = el('tbody');
  const sizes = table.header.cells.map((column, c) => sizeOf([column, ...table.rows.map((row) => row.cells[c] ?? '')]));
  table.rows.forEach((row, rowIndex) => {
    const cells = table.header.cells.map((column, columnIndex) => {
      const input = el('input', {
        type: 'text',
        size: sizes[columnIndex],
        'aria-label': `${column} at line ${row.line}`,
        'data-line': row.line,
        'data-column': column,
        props: { value: row.cells[columnIndex] ?? '' },
      });
      input.addEventListener('input', () => {
        // A cell edit changes no line numbers, so the grid stays as it is (and the cursor where it is).
        edit((text) => setCell(text, table.index, rowIndex, columnIndex, input.value), false);
      });
      return el('td', {}, input);
    });
    const remove = el('button', {
      type: 'button',
      class: 'small',
      'aria-label': `Remove the row at line ${row.line}`,
      text: 'Remove',
    });
    remove.addEventListener('click', () => edit((text) => removeRow(text, table.index, rowIndex), true, () => {
      // The focus goes to the row that took this one's place, or the table's "Add row".
      const next = grid.querySelector(`[data-table="${table.examplesLine}"] tbody tr:nth-child(${rowIndex + 1}) input`)
        || grid.querySelector(`[data-table="${table.examplesLine}"] tbody tr:last-child input`)
        || grid.querySelector(`button[data-add="${table.examplesLine}"]`);
      next?.focus();
    }));
    body.append(el('tr', {}, cells, el('td', {}, remove)));
  });
  const add = el('button', { type: 'button', 'data-add': table.examplesLine, 'aria-describedby': captionId, text: 'Add row' });
  add.addEventListener('click', () => edit((text) => addRow(text, table.index), true, () => {
    grid.querySelector(`[data-table="${table.examplesLine}"] tbody tr:last-child input`)?.focus();
  }));
  const lines = table.rows.map((row) => row.line).join(' ');
  return el('div', { class: 'examples', 'data-table': table.examplesLine, 'data-table-lines': lines },
    el('table', { class: 'grid' },
      el('caption', { id: captionId, text: `${table.scenario || 'Examples'} (line ${table.examplesLine})` }),
      el('thead', {}, el('tr', {}, table.header.cells.map((column) => el('th', { scope: 'col', text: column })),
        el('th', { scope: 'col' }, el('span', { class: 'sr-only', text: 'Remove' })))),
      body),
    add);
}

/** Applies one change to the file's text; `redraw` when line numbers moved. */
function edit(change, redraw, then) {
  const name = current;
  workspace.content(name).then((text) => {
    const after = change(text);
    workspace.update(name, after);
    if (redraw) {
      // The grid is drawn again from the text, its line numbers those of the file now.
      const scroll = window.scrollY;
      render(after);
      window.scrollTo(0, scroll);
      then?.();
    }
  }).catch((error) => showError(error, 'changing the examples'));
}
