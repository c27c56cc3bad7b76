// The rows and annotations of the shipped tables, read and rewritten by dmn-rows.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { annotationOf, escapeXmlText, readTables, setAnnotation } from '../../main/web/dmn-rows.js';
import { TinyDOMParser } from './tiny-dom.mjs';

const folder = new URL('../../../../rules/src/main/resources/policy/', import.meta.url).pathname;
const read = (name) => fs.readFileSync(`${folder}${name}`, 'utf8');
const compensation = read('Compensation.dmn');
const parser = new TinyDOMParser();

test('Compensation.dmn: every rule is a row, numbered within its table', () => {
  const tables = readTables(compensation, parser);
  const rules = (compensation.match(/<rule\b/g) || []).length;
  assert.equal(tables.reduce((sum, table) => sum + table.rows.length, 0), rules);
  assert.equal(rules, 22);
  for (const table of tables) {
    assert.ok(table.decision);
    table.rows.forEach((row, i) => {
      assert.equal(row.number, i + 1);
      assert.ok(row.id);
      assert.equal(row.inputs.length, table.inputs.length, `${table.decision} row ${row.number}`);
      assert.equal(row.outputs.length, table.outputs.length);
    });
  }
});

test('Compensation.dmn: the MEDIUM voucher row and its annotation', () => {
  const rows = readTables(compensation, parser).flatMap((table) => table.rows);
  const medium = rows.filter((row) => row.annotation === 'MEDIUM dissatisfaction: a voucher of 10 % of the order value');
  assert.equal(medium.length, 1);
  assert.ok(medium[0].inputs.some((cell) => cell.includes('"MEDIUM"')), medium[0].inputs.join());
  assert.equal(annotationOf(compensation, medium[0].id), 'MEDIUM dissatisfaction: a voucher of 10 % of the order value');
});

test('every shipped table is read, each row with its annotation as annotationOf reads it', () => {
  for (const name of ['Actions.dmn', 'Compensation.dmn', 'Dissatisfaction.dmn', 'Escalation.dmn', 'Remedies.dmn', 'ResponseTimes.dmn']) {
    const xml = read(name);
    const rows = readTables(xml, parser).flatMap((table) => table.rows);
    assert.equal(rows.length, (xml.match(/<rule\b/g) || []).length, name);
    for (const row of rows) {
      assert.equal(annotationOf(xml, row.id), row.annotation, `${name} ${row.id}`);
      // An unchanged rewrite is byte-identical.
      assert.equal(setAnnotation(xml, row.id, row.annotation), xml, `${name} ${row.id}`);
    }
  }
});

test('an annotation edit changes only that text, escaped', () => {
  const rows = readTables(compensation, parser).flatMap((table) => table.rows);
  const row = rows.find((r) => r.annotation.startsWith('MEDIUM dissatisfaction: a voucher'));
  const text = 'MEDIUM: a voucher of 12 % <of the order> & "more"';
  const edited = setAnnotation(compensation, row.id, text);
  assert.equal(annotationOf(edited, row.id), text);
  const old = `<text>${escapeXmlText(row.annotation)}</text>`;
  assert.equal(edited, compensation.replace(old, '<text>MEDIUM: a voucher of 12 % &lt;of the order&gt; &amp; "more"</text>'));
  const reread = readTables(edited, parser).flatMap((table) => table.rows);
  assert.equal(reread.find((r) => r.id === row.id).annotation, text);
  reread.filter((r) => r.id !== row.id).forEach((r) => assert.equal(r.annotation, rows.find((o) => o.id === r.id).annotation));
});

test('a prefixed DMN (as some editors write it), an empty annotation, and a rule without one', () => {
  const xml = [
    '<dmn:definitions xmlns:dmn="https://www.omg.org/spec/DMN/20230324/MODEL/">',
    '  <dmn:decision id="d" name="D">',
    '    <dmn:decisionTable id="t">',
    '      <dmn:input id="i" label="Level"><dmn:inputExpression><dmn:text>Level</dmn:text></dmn:inputExpression></dmn:input>',
    '      <dmn:output id="o" name="Out"/>',
    "      <dmn:rule id='r1'>",
    '        <dmn:inputEntry id="e1"><dmn:text>"LOW"</dmn:text></dmn:inputEntry>',
    '        <dmn:outputEntry id="e2"><dmn:text>1</dmn:text></dmn:outputEntry>',
    '        <dmn:annotationEntry><dmn:text/></dmn:annotationEntry>',
    '      </dmn:rule>',
    '      <dmn:rule id="r2">',
    '        <dmn:inputEntry id="e3"><dmn:text>"HIGH"</dmn:text></dmn:inputEntry>',
    '        <dmn:outputEntry id="e4"><dmn:text>2</dmn:text></dmn:outputEntry>',
    '      </dmn:rule>',
    '    </dmn:decisionTable>',
    '  </dmn:decision>',
    '</dmn:definitions>',
  ].join('\n');
  const [table] = readTables(xml, parser);
  assert.deepEqual(table.rows.map((r) => [r.id, r.number, r.inputs[0], r.outputs[0], r.annotation]),
    [['r1', 1, '"LOW"', '1', ''], ['r2', 2, '"HIGH"', '2', '']]);
  const one = setAnnotation(xml, 'r1', 'low & calm');
  assert.match(one, /<dmn:annotationEntry><dmn:text>low &amp; calm<\/dmn:text><\/dmn:annotationEntry>/);
  const two = setAnnotation(one, 'r2', 'high');
  assert.equal(annotationOf(two, 'r2'), 'high');
  assert.equal(readTables(two, parser)[0].rows[1].annotation, 'high');
  assert.equal(setAnnotation(xml, 'r2', ''), xml);
  assert.throws(() => setAnnotation(xml, 'nope', 'x'));
});
