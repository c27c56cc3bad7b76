// The Examples tables of a Gherkin scenario file, read and written back as text.
//
// Pure string in, string out (no DOM), so that it is tested in Node on the shipped files. The lead edits a table
// cell by cell; everything else of the file (comments, blank lines, the free text, the other tables, the line
// endings) must come back byte for byte, because the file is the policy's record and a reviewer reads its diff.
// Only the edited table is re-padded, the way the original aligns its pipes: "| cell<spaces> |", one space on each
// side, each column as wide as its widest cell.

const SCENARIO = /^\s*(Scenario Outline|Scenario Template|Scenario|Example)\s*:\s*(.*)$/;
const EXAMPLES = /^\s*(Examples|Scenarios)\s*:/;
// A line that starts any other Gherkin block ends an Examples table (and means no more rows of it follow).
const BLOCK = /^\s*(Feature|Rule|Background|Scenario Outline|Scenario Template|Scenario|Example|Examples|Scenarios)\s*:/;
const ROW = /^\s*\|/;
const COMMENT = /^\s*#/;

/** The file as lines, each with its own line ending kept ("" for a last line without one). */
function splitLines(text) {
  const lines = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    if (match[0] === '') {
      break;
    }
    lines.push({ body: match[1], eol: match[2] });
  }
  return lines;
}

function joinLines(lines) {
  return lines.map((line) => line.body + line.eol).join('');
}

/** The cells of one table row, unescaped (Gherkin escapes "\|", "\\" and "\n" inside a cell). */
export function splitRow(body) {
  const start = body.indexOf('|');
  const cells = [];
  let cell = '';
  let closed = false;
  for (let i = start + 1; i < body.length; i += 1) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const next = body[i + 1];
      if (next === '|' || next === '\\') {
        cell += next;
        i += 1;
        continue;
      }
      if (next === 'n') {
        cell += '\n';
        i += 1;
        continue;
      }
    }
    if (c === '|') {
      cells.push(cell.trim());
      cell = '';
      closed = true;
      continue;
    }
    cell += c;
    closed = false;
  }
  // Text after the last pipe is not a cell (a row always ends with a pipe); a row without one keeps its tail.
  if (!closed && cell.trim() !== '') {
    cells.push(cell.trim());
  }
  return cells;
}

function escapeCell(value) {
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');
}

/** Length as the eye counts it (code points), so that accents and dashes do not throw the pipes off. */
function width(text) {
  return [...text].length;
}

/** The table that starts at line index j: its row lines (comments between rows belong to it) and its last line. */
function tableAt(lines, j) {
  const rowLines = [];
  let last = j;
  for (let k = j; k < lines.length; k += 1) {
    const line = lines[k].body;
    if (ROW.test(line)) {
      rowLines.push(k);
      last = k;
    } else if (!COMMENT.test(line)) {
      break;
    }
  }
  return { rowLines, last };
}

/**
 * Every table of the file: the Examples tables of outlines, and the step tables of plain scenarios (which hold their
 * example's values themselves). Line numbers are 1-based.
 */
function scan(text) {
  const lines = splitLines(text);
  const tables = [];
  let scenario = null;
  let scenarioLine = null;
  let plain = false;
  for (let i = 0; i < lines.length; i += 1) {
    const body = lines[i].body;
    const scenarioMatch = SCENARIO.exec(body);
    if (scenarioMatch) {
      scenario = scenarioMatch[2].trim();
      scenarioLine = i + 1;
      plain = scenarioMatch[1] === 'Scenario' || scenarioMatch[1] === 'Example';
      continue;
    }
    if (BLOCK.test(body) && !EXAMPLES.test(body)) {
      // Feature, Rule, Background: their tables are no example's.
      scenario = null;
      plain = false;
      continue;
    }
    if (EXAMPLES.test(body)) {
      // The table starts at the first row after the keyword (tags, comments, a description may come between).
      let j = i + 1;
      while (j < lines.length && !ROW.test(lines[j].body) && !BLOCK.test(lines[j].body)) {
        j += 1;
      }
      if (j >= lines.length || !ROW.test(lines[j].body)) {
        continue;
      }
      const { rowLines, last } = tableAt(lines, j);
      tables.push({ kind: 'examples', scenario, scenarioLine, keywordLine: i + 1, rowLines, last, indent: /^\s*/.exec(lines[j].body)[0], lines });
      i = last;
    } else if (plain && ROW.test(body)) {
      // A step's table in a plain scenario: the step is the line above its first row.
      const { rowLines, last } = tableAt(lines, i);
      let step = i - 1;
      while (step >= 0 && (COMMENT.test(lines[step].body) || lines[step].body.trim() === '')) {
        step -= 1;
      }
      tables.push({ kind: 'steps', scenario, scenarioLine, keywordLine: step + 1, step: step >= 0 ? lines[step].body.trim() : '', rowLines, last, indent: /^\s*/.exec(body)[0], lines });
      i = last;
    }
  }
  return tables;
}

/**
 * Every Examples table of the file, in order:
 * { index, scenario, scenarioLine, examplesLine, indent, header: {line, cells}, rows: [{line, cells}],
 *   firstLine, lastLine } with 1-based line numbers. Comment lines between the rows belong to the table (they are
 * kept where they are) but are not rows.
 */
export function parseExamples(text) {
  return scan(text).filter((t) => t.kind === 'examples').map((t, index) => {
    const [headerIndex, ...dataIndexes] = t.rowLines;
    return {
      index,
      scenario: t.scenario,
      scenarioLine: t.scenarioLine,
      examplesLine: t.keywordLine,
      indent: t.indent,
      header: { line: headerIndex + 1, cells: splitRow(t.lines[headerIndex].body) },
      rows: dataIndexes.map((k) => ({ line: k + 1, cells: splitRow(t.lines[k].body) })),
      firstLine: headerIndex + 1,
      lastLine: t.last + 1,
    };
  });
}

/**
 * The step tables of plain scenarios (one example each, its values written in its steps), in order:
 * { index, scenario, scenarioLine, stepLine, step, indent, rows: [{line, cells}], firstLine, lastLine }.
 * They have no header row: each row is a term and its value.
 */
export function parseStepTables(text) {
  return scan(text).filter((t) => t.kind === 'steps').map((t, index) => ({
    index,
    scenario: t.scenario,
    scenarioLine: t.scenarioLine,
    stepLine: t.keywordLine,
    step: t.step,
    indent: t.indent,
    rows: t.rowLines.map((k) => ({ line: k + 1, cells: splitRow(t.lines[k].body) })),
    firstLine: t.rowLines[0] + 1,
    lastLine: t.last + 1,
  }));
}

function sameCells(a, b) {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}

/**
 * The file with one Examples table replaced by `header` (cells) and `rows` (arrays of cells), re-padded; the
 * table's comment lines stay in front of the row that followed them. An unchanged table leaves the file as it was.
 */
export function replaceTable(text, tableIndex, header, rows) {
  const table = parseExamples(text)[tableIndex];
  if (!table) {
    throw new Error(`the file has no Examples table number ${tableIndex + 1}`);
  }
  const unchanged = sameCells(table.header.cells, header)
    && table.rows.length === rows.length
    && table.rows.every((row, i) => sameCells(row.cells, rows[i]));
  if (unchanged) {
    return text;
  }
  return rewrite(text, table, [header, ...rows], header.length);
}

/** The same for the step table of a plain scenario (no header: every row a term and its value). */
export function replaceStepTable(text, tableIndex, rows) {
  const table = parseStepTables(text)[tableIndex];
  if (!table) {
    throw new Error(`the file has no step table number ${tableIndex + 1}`);
  }
  const unchanged = table.rows.length === rows.length && table.rows.every((row, i) => sameCells(row.cells, rows[i]));
  if (unchanged) {
    return text;
  }
  const columns = Math.max(1, ...table.rows.map((row) => row.cells.length));
  return rewrite(text, table, rows, columns);
}

/** Writes the table's rows anew, re-padded, keeping its comment lines and the line endings. */
function rewrite(text, table, allRows, columns) {
  const lines = splitLines(text);
  const all = allRows.map((cells) => {
    const padded = cells.slice(0, columns).map(escapeCell);
    while (padded.length < columns) {
      padded.push('');
    }
    return padded;
  });
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...all.map((cells) => width(cells[c]))));
  const format = (cells) => `${table.indent}| ${cells.map((cell, c) => cell + ' '.repeat(widths[c] - width(cell))).join(' | ')} |`;

  // The table's lines in order; comments are carried along in front of the row they preceded.
  const original = lines.slice(table.firstLine - 1, table.lastLine);
  const eol = lines[table.firstLine - 1].eol || '\n';
  const lastEol = lines[table.lastLine - 1].eol;
  const out = [];
  let rowIndex = 0;
  for (const line of original) {
    if (ROW.test(line.body)) {
      if (rowIndex < all.length) {
        out.push({ body: format(all[rowIndex]), eol });
      }
      rowIndex += 1;
    } else {
      out.push({ body: line.body, eol });
    }
  }
  for (; rowIndex < all.length; rowIndex += 1) {
    out.push({ body: format(all[rowIndex]), eol });
  }
  // The table's last line keeps the ending it had (the file may end without one).
  out[out.length - 1].eol = lastEol;
  lines.splice(table.firstLine - 1, original.length, ...out);
  return joinLines(lines);
}

function tableOf(text, tableIndex) {
  const table = parseExamples(text)[tableIndex];
  if (!table) {
    throw new Error(`the file has no Examples table number ${tableIndex + 1}`);
  }
  return table;
}

/** The file with one cell of one example row (0-based, header not counted) set to `value`. */
export function setCell(text, tableIndex, rowIndex, columnIndex, value) {
  const table = tableOf(text, tableIndex);
  const rows = table.rows.map((row) => [...row.cells]);
  rows[rowIndex][columnIndex] = String(value).trim();
  return replaceTable(text, tableIndex, table.header.cells, rows);
}

/** The file with a row added at the end of a table (empty cells unless given). */
export function addRow(text, tableIndex, cells) {
  const table = tableOf(text, tableIndex);
  const rows = table.rows.map((row) => [...row.cells]);
  rows.push(cells ? [...cells] : table.header.cells.map(() => ''));
  return replaceTable(text, tableIndex, table.header.cells, rows);
}

/** The file without one example row of a table. */
export function removeRow(text, tableIndex, rowIndex) {
  const table = tableOf(text, tableIndex);
  const rows = table.rows.map((row) => [...row.cells]).filter((_, i) => i !== rowIndex);
  return replaceTable(text, tableIndex, table.header.cells, rows);
}

/** The file with one cell of a plain scenario's step table set to `value`. */
export function setStepCell(text, tableIndex, rowIndex, columnIndex, value) {
  const table = parseStepTables(text)[tableIndex];
  if (!table) {
    throw new Error(`the file has no step table number ${tableIndex + 1}`);
  }
  const rows = table.rows.map((row) => [...row.cells]);
  rows[rowIndex][columnIndex] = String(value).trim();
  return replaceStepTable(text, tableIndex, rows);
}
