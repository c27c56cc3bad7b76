// The rows of a DMN file's decision tables and their annotations, read and rewritten as text.
//
// Reading takes a DOMParser passed in (the browser's; a small one in the Node tests) and touches only
// documentElement, children, localName, getAttribute and textContent, so any parser with those will do.
// Writing is done on the XML text itself, not by serialising a DOM: XMLSerializer would re-write namespaces,
// quotes and empty elements all over the file, while the lead changed one annotation. Here exactly the text of
// that rule's annotation changes, properly escaped, and an unchanged annotation gives back the very same string.

function childrenNamed(element, name) {
  return [...element.children].filter((child) => child.localName === name);
}

function firstChild(element, name) {
  return childrenNamed(element, name)[0] || null;
}

function textOf(element) {
  const text = element && firstChild(element, 'text');
  return text ? text.textContent : '';
}

function descendants(element, name, found = []) {
  for (const child of element.children) {
    if (child.localName === name) {
      found.push(child);
    }
    descendants(child, name, found);
  }
  return found;
}

/**
 * The decision tables of a DMN file:
 * [{ decisionId, decision, hitPolicy, inputs: [header], outputs: [header],
 *    rows: [{ id, number, inputs: [cell], outputs: [cell], annotation }] }]
 * Rows are numbered from 1 within their table, as the editor and the change report number them.
 */
export function readTables(xml, domParser) {
  const doc = domParser.parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || descendants(root, 'parsererror').length > 0) {
    throw new Error('the file is not readable XML');
  }
  const tables = [];
  for (const decision of descendants(root, 'decision')) {
    for (const table of childrenNamed(decision, 'decisionTable')) {
      const inputs = childrenNamed(table, 'input').map((input) => {
        const expression = firstChild(input, 'inputExpression');
        return input.getAttribute('label') || textOf(expression);
      });
      const outputs = childrenNamed(table, 'output').map((output) => output.getAttribute('label') || output.getAttribute('name') || '');
      const rows = childrenNamed(table, 'rule').map((rule, i) => ({
        id: rule.getAttribute('id') || '',
        number: i + 1,
        inputs: childrenNamed(rule, 'inputEntry').map(textOf),
        outputs: childrenNamed(rule, 'outputEntry').map(textOf),
        annotation: textOf(firstChild(rule, 'annotationEntry')),
      }));
      tables.push({
        decisionId: decision.getAttribute('id') || '',
        decision: decision.getAttribute('name') || '',
        hitPolicy: table.getAttribute('hitPolicy') || 'UNIQUE',
        inputs,
        outputs,
        rows,
      });
    }
  }
  return tables;
}

export function escapeXmlText(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXmlText(text) {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data) => data.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, entity) => {
      switch (entity) {
        case 'lt': return '<';
        case 'gt': return '>';
        case 'amp': return '&';
        case 'quot': return '"';
        case 'apos': return "'";
        default:
          return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
      }
    });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the rule with this id starts and ends in the text, and the namespace prefix its elements use. */
function findRule(xml, ruleId) {
  const start = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)rule\\b[^>]*\\sid\\s*=\\s*(["'])${escapeRegExp(ruleId)}\\2[^>]*>`).exec(xml);
  if (!start) {
    return null;
  }
  const prefix = start[1];
  const end = xml.indexOf(`</${prefix}rule>`, start.index);
  if (end < 0) {
    return null;
  }
  return { from: start.index, bodyFrom: start.index + start[0].length, to: end, prefix };
}

/** The annotation of one rule as the text says it, or null when there is no such rule. */
export function annotationOf(xml, ruleId) {
  const rule = findRule(xml, ruleId);
  if (!rule) {
    return null;
  }
  const body = xml.slice(rule.bodyFrom, rule.to);
  const p = escapeRegExp(rule.prefix);
  const entry = new RegExp(`<${p}annotationEntry\\b[^>]*>\\s*<${p}text\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}text>)`).exec(body);
  return entry ? unescapeXmlText(entry[1] || '') : '';
}

/**
 * The XML with the annotation of the rule `ruleId` set to `text`; nothing else of the file changes. A rule without
 * an annotation gets one, after its last entry (where DMN wants it). Throws when there is no such rule.
 */
export function setAnnotation(xml, ruleId, text) {
  const rule = findRule(xml, ruleId);
  if (!rule) {
    throw new Error(`the table has no row with the id ${ruleId}`);
  }
  if (annotationOf(xml, ruleId) === text) {
    return xml;
  }
  const body = xml.slice(rule.bodyFrom, rule.to);
  const p = escapeRegExp(rule.prefix);
  const escaped = escapeXmlText(text);
  const entry = new RegExp(`(<${p}annotationEntry\\b[^>]*>\\s*<${p}text\\b[^>]*?)(?:/>|>([\\s\\S]*?)</${p}text>)`).exec(body);
  let newBody;
  if (entry) {
    const replacement = `${entry[1]}>${escaped}</${rule.prefix}text>`;
    newBody = body.slice(0, entry.index) + replacement + body.slice(entry.index + entry[0].length);
  } else {
    // Indent like the rule's other entries, so that the file still reads well.
    const indent = (/\n([ \t]*)<[^/][^>]*>[^\n]*\n[ \t]*$/.exec(body) || [null, '        '])[1];
    const closingIndent = (/\n([ \t]*)$/.exec(body) || [null, ''])[1];
    const trimmed = body.replace(/\s*$/, '');
    newBody = `${trimmed}\n${indent}<${rule.prefix}annotationEntry>\n${indent}  <${rule.prefix}text>${escaped}</${rule.prefix}text>\n${indent}</${rule.prefix}annotationEntry>\n${closingIndent}`;
  }
  return xml.slice(0, rule.bodyFrom) + newBody + xml.slice(rule.to);
}
