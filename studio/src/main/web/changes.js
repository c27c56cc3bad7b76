// What a draft or a version changes, row by row and example by example, in words (PolicyChanges of the API).
import { el } from './dom.js';

const KIND = { ADDED: 'Added', REMOVED: 'Removed', CHANGED: 'Changed' };

/** The changes as an element; `compact` for the activation dialog (no cell tables, just sentences). */
export function renderChanges(changes, { compact = false } = {}) {
  const box = el('div', { class: 'changes' });
  const tables = (changes.tables || []).filter((t) => (t.rows || []).length > 0 || (t.notes || []).length > 0);
  const scenarios = (changes.scenarios || []).filter((s) => (s.examples || []).length > 0 || (s.notes || []).length > 0);
  if (tables.length === 0 && scenarios.length === 0) {
    box.append(el('p', { text: `No differences: ${changes.to} has the same tables and examples as ${changes.from}.` }));
    return box;
  }
  box.append(el('p', { text: `From ${changes.from} to ${changes.to}: ${count(tables.reduce((n, t) => n + t.rows.length, 0), 'table row')} and ${count(scenarios.reduce((n, s) => n + s.examples.length, 0), 'example')} differ.` }));
  for (const table of tables) {
    const section = el('section', { class: 'change-file' }, el(compact ? 'h4' : 'h3', { text: table.table ? `${table.file}: ${table.table}` : table.file }));
    for (const note of table.notes || []) {
      section.append(el('p', { class: 'note', text: note }));
    }
    const list = el('ul', { class: 'change-rows' });
    for (const row of table.rows || []) {
      list.append(el('li', { class: `kind-${row.kind.toLowerCase()}` }, el('strong', { text: rowTitle(row) }),
        annotation(row),
        compact ? el('span', { text: ` ${cellSentence(row.cells)}` }) : cellTable(row.cells)));
    }
    section.append(list);
    box.append(section);
  }
  for (const file of scenarios) {
    const section = el('section', { class: 'change-file' }, el(compact ? 'h4' : 'h3', { text: file.file }));
    for (const note of file.notes || []) {
      section.append(el('p', { class: 'note', text: note }));
    }
    const list = el('ul', { class: 'change-rows' });
    for (const example of file.examples || []) {
      list.append(el('li', { class: `kind-${example.kind.toLowerCase()}` },
        el('strong', { text: `${KIND[example.kind] || example.kind} example of "${example.scenario}"${lines(example)}` }),
        compact ? el('span', { text: ` ${cellSentence(example.terms)}` }) : cellTable(example.terms)));
    }
    section.append(list);
    box.append(section);
  }
  return box;
}

function count(n, what) {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function rowTitle(row) {
  if (row.kind === 'ADDED') {
    return `Row ${row.rowAfter} added`;
  }
  if (row.kind === 'REMOVED') {
    return `Row ${row.rowBefore} removed`;
  }
  return row.rowBefore === row.rowAfter ? `Row ${row.rowAfter} changed` : `Row ${row.rowBefore} changed (now row ${row.rowAfter})`;
}

function lines(example) {
  if (example.lineBefore && example.lineAfter && example.lineBefore !== example.lineAfter) {
    return `, line ${example.lineBefore} now ${example.lineAfter}`;
  }
  const line = example.lineAfter || example.lineBefore;
  return line ? `, line ${line}` : '';
}

function annotation(row) {
  const before = row.annotationBefore;
  const after = row.annotationAfter;
  if (before && after && before !== after) {
    return el('p', { class: 'annotation' }, 'Annotation: ', el('del', { text: before }), ' → ', el('ins', { text: after }));
  }
  const text = after || before;
  return text ? el('p', { class: 'annotation', text: `“${text}”` }) : null;
}

function cellSentence(cells) {
  return (cells || []).map((c) => {
    if (c.before === undefined || c.before === null) {
      return `${c.column} ${c.after}`;
    }
    if (c.after === undefined || c.after === null) {
      return `${c.column} was ${c.before}`;
    }
    return `${c.column} ${c.before} → ${c.after}`;
  }).join('; ');
}

function cellTable(cells) {
  if (!cells || cells.length === 0) {
    return null;
  }
  return el('table', { class: 'cells' },
    el('thead', {}, el('tr', {}, ['Column', 'Before', 'After'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, cells.map((c) => el('tr', {},
      el('th', { scope: 'row', text: c.column }),
      el('td', { class: 'before', text: c.before ?? '—' }),
      el('td', { class: 'after', text: c.after ?? '—' })))));
}
