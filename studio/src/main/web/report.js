// The check report of a draft, as a page: the errors, the broken invariants as two complaints side by side, the
// failing scenario examples (each with "Edit", which opens the file at that line), and the impact on decisions
// and money over the sample (and over the past complaints when they were given).
import { clear, el, localTime, svg, termsTable } from './dom.js';

/**
 * Draws the draft's report into `elements` ({report, errors, failing, impact}); `onEdit(file, line)` opens a
 * scenario file at a line.
 */
export function renderReport(draft, elements, onEdit) {
  const { report: area, errors, failing, impact, details } = elements;
  const report = draft.report || {};
  area.hidden = false;
  clear(errors);
  clear(failing);
  clear(impact);
  clear(details);

  const summary = area.querySelector('#report-summary');
  const errorList = report.errors || [];
  summary.textContent = errorList.length === 0
    ? `Draft ${draft.draftId} passed the check: it can be published${draft.approvalRequired ? ' once another admin has approved it' : ''}.`
    : `Draft ${draft.draftId} cannot be published: the check found ${errorList.length} ${errorList.length === 1 ? 'problem' : 'problems'}.`;
  summary.className = errorList.length === 0 ? 'summary ok' : 'summary bad';
  area.querySelector('#report-meta').textContent = `Checked ${localTime(draft.createdAt)} by ${draft.createdBy}, based on version ${draft.basedOn}; files sent: ${(draft.files || []).join(', ')}.`;

  for (const line of errorList) {
    errors.append(el('li', { text: line }));
  }
  if (errorList.length === 0) {
    errors.append(el('li', { class: 'none', text: 'No errors.' }));
  }

  renderFindings(report, details);
  renderInvariants(report.invariants, details);
  renderFailures(report.scenarios, failing, onEdit);
  renderImpact(report.impact, impact);
}

function renderFindings(report, target) {
  const findings = [...(report.structure || []), ...(report.analysis || []), ...(report.safety || [])];
  if (findings.length > 0) {
    target.append(el('h3', { text: 'Findings in the tables' }),
      el('ul', { class: 'findings' }, findings.map((f) => el('li', { class: f.severity === 'ERROR' ? 'bad' : 'warn' },
        el('strong', { text: f.severity === 'ERROR' ? 'Error' : 'Warning' }), ' ',
        [f.file, f.line ? `line ${f.line}` : null, f.element ? `(${f.element})` : null].filter(Boolean).join(' ') + ': ',
        f.message))));
  }
  if ((report.notChecked || []).length > 0) {
    target.append(el('h3', { text: 'Not checked' }), el('ul', {}, report.notChecked.map((line) => el('li', { text: line }))));
  }
}

function renderInvariants(invariants, target) {
  if (!invariants) {
    return;
  }
  const violations = invariants.violations || [];
  target.append(el('h3', { text: 'The policy\'s guarantees' }),
    el('p', { text: violations.length === 0
      ? `All guarantees hold over ${invariants.decisions} decisions.`
      : `${violations.length} ${violations.length === 1 ? 'guarantee is' : 'guarantees are'} broken (over ${invariants.decisions} decisions). Each example shows a complaint and what it got, and, where a signal was raised, the same complaint raised and what that got.` }));
  for (const v of violations) {
    target.append(el('article', { class: 'violation' },
      el('h4', { text: `Guarantee ${v.invariant}: ${v.rule}` }),
      el('p', { text: v.finding }),
      el('div', { class: 'side-by-side' },
        el('div', {}, termsTable(v.complaint, 'The complaint'), termsTable(v.decision, 'was decided')),
        v.raisedComplaint || v.raisedDecision
          ? el('div', {}, termsTable(v.raisedComplaint, 'The same complaint, a signal raised'), termsTable(v.raisedDecision, 'was decided'))
          : null)));
  }
}

function renderFailures(scenarios, target, onEdit) {
  if (!scenarios) {
    target.append(el('p', { text: 'The scenario examples were not run.' }));
    return;
  }
  const failures = scenarios.failures || [];
  target.append(el('p', { text: failures.length === 0
    ? `All ${scenarios.examples} scenario examples decide as they say.`
    : `${failures.length} of ${scenarios.examples} scenario examples now decide differently. Change the table back, or update the example when the change is meant.` }));
  for (const f of failures) {
    const edit = el('button', { type: 'button', class: 'small', 'aria-label': `Edit ${f.file} at line ${f.line}`, text: 'Edit' });
    edit.addEventListener('click', () => onEdit(f.file, f.line, (f.mismatches || [])[0]?.term));
    target.append(el('article', { class: 'failure', 'data-file': f.file, 'data-line': f.line },
      el('h4', { text: `${f.policy}: ${f.scenario}` }),
      el('p', {}, `${f.file}, line ${f.line} `, edit),
      f.problem ? el('p', { class: 'bad', text: f.problem }) : null,
      (f.mismatches || []).length > 0
        ? el('table', { class: 'mismatches' },
          el('caption', { text: 'Expected and actual' }),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Term' }), el('th', { scope: 'col', text: 'Expected' }), el('th', { scope: 'col', text: 'Actual' }))),
          el('tbody', {}, f.mismatches.map((m) => el('tr', {}, el('th', { scope: 'row', text: m.term }), el('td', { text: m.expected }), el('td', { class: 'actual', text: m.actual })))))
        : null,
      el('details', {}, el('summary', { text: 'The complaint' }), termsTable(f.complaint))));
  }
}

function renderImpact(impact, target) {
  if (!impact) {
    target.append(el('p', { text: 'The impact was not measured.' }));
    return;
  }
  target.append(renderOneImpact(impact.sample, 'Generated complaints', 'money-chart'));
  if (impact.pastComplaints) {
    target.append(renderOneImpact(impact.pastComplaints, 'Your past complaints', 'money-chart-past'));
  }
}

function renderOneImpact(data, title, chartId) {
  const box = el('div', { class: 'impact-part' }, el('h3', { text: title }));
  if (!data) {
    box.append(el('p', { text: 'Not measured.' }));
    return box;
  }
  box.append(el('p', { text: `${data.changed} of ${data.complaints} complaints get a different decision.` }));
  const fields = Object.entries(data.changedByField || {}).sort((a, b) => b[1] - a[1]);
  box.append(el('table', { class: 'by-field' },
    el('caption', { text: 'Changed decisions by part of the decision' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Part of the decision' }), el('th', { scope: 'col', text: 'Complaints changed' }))),
    el('tbody', {}, fields.length === 0
      ? el('tr', {}, el('td', { colspan: 2, text: 'none' }))
      : fields.map(([field, count]) => el('tr', {}, el('th', { scope: 'row', text: field }), el('td', { class: 'number', text: count }))))));

  const money = data.money || [];
  box.append(el('h4', { text: 'Money offered, before and after' }));
  if (money.length === 0) {
    box.append(el('p', { text: 'No money is offered under either version.' }));
  } else {
    box.append(moneyChart(money, chartId), el('table', { class: 'money' },
      el('caption', { text: 'Money offered if every customer takes the recommended options' }),
      el('thead', {}, el('tr', {}, ['Currency', 'Option', 'Before', 'After', 'Difference'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, money.map((m) => el('tr', {},
        el('td', { text: m.currency }), el('td', { text: m.optionType }),
        el('td', { class: 'number', text: m.before }), el('td', { class: 'number', text: m.after }),
        el('td', { class: `number ${Number(m.difference) > 0 ? 'more' : Number(m.difference) < 0 ? 'less' : ''}`, text: m.difference }))))));
  }

  const examples = data.examples || [];
  if (examples.length > 0) {
    box.append(el('h4', { text: 'Some complaints that change' }));
    for (const example of examples.slice(0, 5)) {
      box.append(el('div', { class: 'side-by-side three' },
        termsTable(example.complaint, 'The complaint'), termsTable(example.before, 'Before'), termsTable(example.after, 'After')));
    }
  }
  return box;
}

/**
 * A grouped bar chart, one pair of bars (before, after) per currency and option type. Amounts of different
 * currencies are not comparable, so each currency's bars are scaled to that currency's largest amount.
 */
function moneyChart(money, id) {
  const barHeight = 16;
  const gap = 14;
  const labelWidth = 260;
  const chartWidth = 360;
  const width = labelWidth + chartWidth + 120;
  const maxByCurrency = {};
  for (const m of money) {
    maxByCurrency[m.currency] = Math.max(maxByCurrency[m.currency] || 0, Number(m.before) || 0, Number(m.after) || 0);
  }
  const height = money.length * (2 * barHeight + gap) + 30;
  const chart = svg('svg', { id, class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title` },
    svg('title', { id: `${id}-title`, text: 'Money offered before and after, per currency and option type' }));
  money.forEach((m, i) => {
    const y = i * (2 * barHeight + gap) + 24;
    const max = maxByCurrency[m.currency] || 1;
    const scale = (value) => Math.max(1, ((Number(value) || 0) / max) * chartWidth);
    chart.append(svg('text', { x: 0, y: y + barHeight + 4, class: 'chart-label', text: `${m.optionType} (${m.currency})` }));
    [['before', m.before, 'bar-before'], ['after', m.after, 'bar-after']].forEach(([which, value, cls], k) => {
      const by = y + k * barHeight;
      chart.append(svg('rect', { x: labelWidth, y: by, width: scale(value), height: barHeight - 2, class: cls },
        svg('title', { text: `${m.optionType} in ${m.currency} ${which}: ${value}` })));
      chart.append(svg('text', { x: labelWidth + scale(value) + 6, y: by + barHeight - 5, class: 'chart-value', text: `${which} ${value}` }));
    });
  });
  chart.append(svg('rect', { x: labelWidth, y: 4, width: 12, height: 10, class: 'bar-before' }),
    svg('text', { x: labelWidth + 16, y: 13, class: 'chart-value', text: 'before (active version)' }),
    svg('rect', { x: labelWidth + 180, y: 4, width: 12, height: 10, class: 'bar-after' }),
    svg('text', { x: labelWidth + 196, y: 13, class: 'chart-value', text: 'after (draft)' }));
  return chart;
}
