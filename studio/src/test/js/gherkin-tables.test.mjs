// The Examples tables of the shipped scenario files, read and written back by gherkin-tables.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { addRow, parseExamples, parseStepTables, removeRow, replaceStepTable, replaceTable, setCell, setStepCell, splitRow } from '../../main/web/gherkin-tables.js';

const folder = new URL('../../../../scenarios/src/main/resources/scenarios/', import.meta.url).pathname;
const files = fs.readdirSync(folder).filter((name) => name.endsWith('.feature')).sort();
const read = (name) => fs.readFileSync(path.join(folder, name), 'utf8');

test('the ten shipped scenario files are there', () => {
  assert.equal(files.length, 10);
});

test('every Examples table of every file is found, with the line numbers of its rows', () => {
  for (const name of files) {
    const text = read(name);
    const lines = text.split('\n');
    const keywords = lines.filter((line) => /^\s*Examples\s*:/.test(line)).length;
    const tables = parseExamples(text);
    assert.equal(tables.length, keywords, `${name}: one table per Examples keyword`);
    for (const table of tables) {
      assert.match(lines[table.examplesLine - 1], /^\s*Examples\s*:/, `${name}: examples line`);
      assert.ok(table.scenario, `${name}: the table's scenario has a name`);
      assert.match(lines[table.scenarioLine - 1], /Scenario/);
      assert.ok(table.header.cells.length > 0);
      assert.ok(table.rows.length > 0, `${name} line ${table.examplesLine}: rows`);
      for (const row of [table.header, ...table.rows]) {
        assert.match(lines[row.line - 1], /^\s*\|/, `${name} line ${row.line} is a row`);
        assert.deepEqual(splitRow(lines[row.line - 1]), row.cells);
        assert.equal(row.cells.length, table.header.cells.length, `${name} line ${row.line}: as many cells as columns`);
      }
    }
  }
});

test('P1: the first table is the score table, from line 30, its rows one line each', () => {
  const tables = parseExamples(read('P1-proportional-compensation.feature'));
  assert.equal(tables.length, 4);
  const [first] = tables;
  assert.equal(first.scenario, 'the score adds up the signals and decides the level');
  assert.equal(first.examplesLine, 29);
  assert.equal(first.header.line, 30);
  assert.deepEqual(first.header.cells, ['issue type', 'emotion', 'delay days', 'contact count', 'public', 'score', 'level']);
  assert.equal(first.rows.length, 11);
  assert.equal(first.rows[0].line, 31);
  assert.deepEqual(first.rows[0].cells, ['LATE_DELIVERY', 'CALM', '0', '1', 'no', '10', 'LOW']);
  assert.equal(tables[3].rows[0].cells[3], '5 % is 5.005: rounds down to the even 5.00');
});

test('an unchanged grid saves back byte-identical, for all ten files', () => {
  for (const name of files) {
    const text = read(name);
    let saved = text;
    for (const table of parseExamples(text)) {
      saved = replaceTable(saved, table.index, table.header.cells, table.rows.map((row) => row.cells));
    }
    assert.equal(saved, text, name);
  }
});

test('the original alignment is the one re-padding makes: a rewrite of an equal table with one forced pass is identical', () => {
  // Edit a cell and edit it back: the table is re-padded twice and must end as the original.
  for (const name of files) {
    const text = read(name);
    for (const table of parseExamples(text)) {
      const original = table.rows[0].cells[0];
      const edited = setCell(text, table.index, 0, 0, `${original}x`);
      assert.notEqual(edited, text);
      assert.equal(setCell(edited, table.index, 0, 0, original), text, `${name} line ${table.rows[0].line}`);
    }
  }
});

test('a cell edit changes exactly that cell and re-pads that table only', () => {
  const name = 'P1-proportional-compensation.feature';
  const text = read(name);
  const edited = setCell(text, 0, 1, 5, '1000');
  const before = text.split('\n');
  const after = edited.split('\n');
  assert.equal(after.length, before.length);
  const tables = parseExamples(text);
  const [score] = tables;
  const changed = [];
  after.forEach((line, i) => {
    if (line !== before[i]) {
      changed.push(i + 1);
    }
  });
  // Every changed line is inside the first table (its score column grew from 5 to 4 characters wide).
  assert.ok(changed.length > 0);
  assert.ok(changed.every((line) => line >= score.firstLine && line <= score.lastLine), `changed lines ${changed}`);
  const reread = parseExamples(edited);
  assert.equal(reread[0].rows[1].cells[5], '1000');
  assert.deepEqual(reread[0].rows[1].cells.filter((_, i) => i !== 5), score.rows[1].cells.filter((_, i) => i !== 5));
  reread.slice(1).forEach((table, i) => assert.deepEqual(table, tables[i + 1]));
  assert.equal(after[31 - 1], '      | LATE_DELIVERY     | CALM    | 0          | 1             | no     | 10    | LOW      |');
  assert.equal(after[32 - 1], '      | LATE_DELIVERY     | CALM    | 7          | 1             | no     | 1000  | LOW      |');
  // Pipes still aligned: every row of the table has its pipes in the same columns.
  const pipes = (line) => [...line].map((c, i) => (c === '|' ? i : -1)).filter((i) => i >= 0).join();
  const rows = after.slice(score.firstLine - 1, score.lastLine);
  assert.ok(rows.every((line) => pipes(line) === pipes(rows[0])));
});

test('a wider cell widens its column for the whole table', () => {
  const text = read('P1-proportional-compensation.feature');
  const edited = setCell(text, 0, 0, 6, 'VERY_CRITICAL_INDEED');
  const lines = edited.split('\n');
  assert.equal(lines[30 - 1], '      | issue type        | emotion | delay days | contact count | public | score | level                |');
  assert.equal(lines[31 - 1], '      | LATE_DELIVERY     | CALM    | 0          | 1             | no     | 10    | VERY_CRITICAL_INDEED |');
});

test('a row is added at the end of its table and removed again', () => {
  const text = read('P6-response-times.feature');
  const [table] = parseExamples(text);
  const added = addRow(text, 0);
  const reread = parseExamples(added)[0];
  assert.equal(reread.rows.length, table.rows.length + 1);
  const last = reread.rows[reread.rows.length - 1];
  assert.equal(last.line, table.lastLine + 1);
  assert.ok(last.cells.every((cell) => cell === ''));
  assert.equal(last.cells.length, table.header.cells.length);
  // Empty cells are padded like the others.
  assert.equal(added.split('\n')[last.line - 1].length, added.split('\n')[table.header.line - 1].length);
  assert.equal(removeRow(added, 0, reread.rows.length - 1), text);

  const filled = addRow(text, 0, table.rows[0].cells);
  assert.deepEqual(parseExamples(filled)[0].rows.at(-1).cells, table.rows[0].cells);
});

test('a row is removed from the middle, the other tables untouched', () => {
  const text = read('P1-proportional-compensation.feature');
  const tables = parseExamples(text);
  const removed = removeRow(text, 1, 2);
  const reread = parseExamples(removed);
  assert.equal(reread[1].rows.length, tables[1].rows.length - 1);
  assert.deepEqual(reread[1].rows.map((row) => row.cells), tables[1].rows.filter((_, i) => i !== 2).map((row) => row.cells));
  assert.equal(removed.split('\n').length, text.split('\n').length - 1);
  assert.deepEqual(reread[0], tables[0]);
  assert.deepEqual(reread[2].rows.map((row) => row.cells), tables[2].rows.map((row) => row.cells));
});

const withComment = [
  'Feature: P0 Test',
  '',
  '  Scenario Outline: a table with a comment in it',
  '    When the complaint has:',
  '      | emotion | <emotion> |',
  '    Then the decision has:',
  '      | level | <level> |',
  '',
  '    Examples:',
  '      | emotion | level |',
  '      | CALM    | LOW   |',
  '      # the angry one: 10 + 20',
  '      | ANGRY   | MEDIUM |',
  '',
  '  # a comment after the table is not part of it',
  '  Scenario: next',
  '',
].join('\r\n');

test('a comment line inside a table is kept, and not taken for a row; line endings are kept', () => {
  const [table] = parseExamples(withComment);
  assert.equal(table.rows.length, 2);
  assert.equal(table.rows[1].line, 13);
  assert.equal(table.lastLine, 13);
  // The second data row is not aligned in the original: saved unchanged it stays so.
  assert.equal(replaceTable(withComment, 0, table.header.cells, table.rows.map((row) => row.cells)), withComment);
  const edited = setCell(withComment, 0, 0, 1, 'HIGH');
  assert.equal(edited.split('\r\n').slice(9, 13).join('\n'), [
    '      | emotion | level  |',
    '      | CALM    | HIGH   |',
    '      # the angry one: 10 + 20',
    '      | ANGRY   | MEDIUM |',
  ].join('\n'));
  assert.ok(!/[^\r]\n/.test(edited), 'CRLF kept everywhere');
  assert.equal(edited.split('\r\n').slice(13).join('\r\n'), withComment.split('\r\n').slice(13).join('\r\n'));
  const removed = removeRow(withComment, 0, 1);
  assert.match(removed, /# the angry one/);
  assert.equal(parseExamples(removed)[0].rows.length, 1);
});

test('a pipe in a cell is escaped, and read back', () => {
  const edited = setCell(withComment, 0, 0, 0, 'A|B');
  assert.match(edited, /\| A\\\|B +\|/);
  assert.equal(parseExamples(edited)[0].rows[0].cells[0], 'A|B');
});

test('a file without a final line ending keeps it so', () => {
  const text = '  Scenario Outline: s\n    Examples:\n      | a | b |\n      | 1 | 2 |';
  const edited = setCell(text, 0, 0, 1, '22');
  assert.equal(edited, '  Scenario Outline: s\n    Examples:\n      | a | b  |\n      | 1 | 22 |');
  assert.equal(addRow(text, 0, ['3', '4']), '  Scenario Outline: s\n    Examples:\n      | a | b |\n      | 1 | 2 |\n      | 3 | 4 |');
});

test('the step tables of plain scenarios are found, and saved back byte-identical when unchanged', () => {
  let found = 0;
  for (const name of files) {
    const text = read(name);
    const lines = text.split('\n');
    for (const table of parseStepTables(text)) {
      found += 1;
      assert.match(lines[table.scenarioLine - 1], /^\s*(Scenario|Example):/, `${name} line ${table.scenarioLine} is a plain scenario`);
      assert.match(table.step, /^(Given|When|Then|And|But)\b/, `${name} line ${table.stepLine}`);
      for (const row of table.rows) {
        assert.deepEqual(splitRow(lines[row.line - 1]), row.cells);
      }
      assert.equal(replaceStepTable(text, table.index, table.rows.map((row) => row.cells)), text, `${name} line ${table.firstLine}`);
    }
    // No table of an outline or the background is taken for a plain scenario's.
    const examples = parseExamples(text);
    for (const table of parseStepTables(text)) {
      assert.ok(examples.every((e) => e.scenarioLine !== table.scenarioLine));
    }
  }
  assert.ok(found > 0);
});

test('P10 line 38: a plain scenario, its Then table edited cell by cell', () => {
  const text = read('P10-incidents.feature');
  const tables = parseStepTables(text).filter((t) => t.scenarioLine === 38);
  assert.equal(tables.length, 2);
  const [when, then] = tables;
  assert.equal(when.step, 'When the complaint has:');
  assert.deepEqual(when.rows[0].cells, ['incident level', 'CRITICAL']);
  assert.equal(then.step, 'Then the decision has:');
  const row = then.rows.findIndex((r) => r.cells[0] === 'first response minutes');
  const edited = setStepCell(text, then.index, row, 1, '6');
  const before = text.split('\n');
  const after = edited.split('\n');
  const changed = after.map((line, i) => (line === before[i] ? null : i + 1)).filter(Boolean);
  assert.deepEqual(changed, [then.rows[row].line]);
  assert.equal(parseStepTables(edited)[then.index].rows[row].cells[1], '6');
});
