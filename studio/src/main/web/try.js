// "Try a complaint": a form of the decision request, decided under the active version and, when a checked draft
// exists, under the draft, side by side, with the parts that differ highlighted.
import { policy } from './api.js';
import { clear, el, showError, showMessage, srOnly } from './dom.js';
import { CHANNELS, EMOTIONS, ISSUE_TYPES, LEVELS, RESPONSIBILITIES, TIERS, words } from './vocabulary.js';

// The form's fields: input name, the request's JSON path, label, kind. The complaint's own fields are named
// without their "complaint." prefix, the others with their object's name (order.value, customer.tier, ...).
const FIELDS = [
  { name: 'complaintId', path: 'complaintId', label: 'Complaint id', kind: 'text' },
  { name: 'issueType', path: 'complaint.issueType', label: 'Issue type', kind: 'select', values: ISSUE_TYPES, value: 'LATE_DELIVERY' },
  { name: 'responsibility', path: 'complaint.responsibility', label: 'Responsibility', kind: 'select', values: RESPONSIBILITIES, value: 'SHOP' },
  { name: 'channel', path: 'complaint.channel', label: 'Channel', kind: 'select', values: CHANNELS, value: 'EMAIL' },
  { name: 'emotion', path: 'complaint.emotion', label: 'Emotion', kind: 'select', values: EMOTIONS, value: 'CALM' },
  { name: 'isPublic', path: 'complaint.isPublic', label: 'Public (others can see it)', kind: 'boolean' },
  { name: 'legalThreat', path: 'complaint.legalThreat', label: 'Legal threat', kind: 'boolean' },
  { name: 'contactCount', path: 'complaint.contactCount', label: 'Contact count', kind: 'integer', value: '1' },
  { name: 'delayDays', path: 'complaint.delayDays', label: 'Delay days', kind: 'integer', value: '0' },
  { name: 'daysSinceDelivery', path: 'complaint.daysSinceDelivery', label: 'Days since delivery (empty: not delivered yet)', kind: 'integer', optional: true },
  { name: 'order.value', path: 'order.value', label: 'Order value', kind: 'amount', value: '100.00' },
  { name: 'order.currency', path: 'order.currency', label: 'Currency', kind: 'text', value: 'EUR' },
  { name: 'order.affectedValue', path: 'order.affectedValue', label: 'Affected value (empty: the whole order)', kind: 'amount', optional: true },
  { name: 'order.shippingCost', path: 'order.shippingCost', label: 'Shipping cost', kind: 'amount', optional: true, value: '4.90' },
  { name: 'customer.tier', path: 'customer.tier', label: 'Customer tier', kind: 'select', values: TIERS, value: 'REGULAR' },
  { name: 'customer.compensationsLast90Days', path: 'customer.compensationsLast90Days', label: 'Compensations in the last 90 days', kind: 'integer', value: '0' },
  { name: 'customer.publicReach', path: 'customer.publicReach', label: 'Public reach (followers)', kind: 'integer', value: '0' },
  { name: 'incident.goodwillLevel', path: 'incident.goodwillLevel', label: 'Incident goodwill level', kind: 'select', values: LEVELS, optional: true, none: 'No incident' },
  { name: 'incident.id', path: 'incident.id', label: 'Incident id', kind: 'text', optional: true, value: 'INC-1' },
];

let form;
let activeBox;
let draftBox;
let context;

export function init(elements, ctx) {
  ({ form, activeBox, draftBox } = elements);
  context = ctx;
  build();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    decide().catch((error) => showError(error, 'deciding the complaint'));
  });
}

function newComplaintId() {
  return `STUDIO-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
}

function build() {
  const groups = [
    ['The complaint', FIELDS.slice(0, 10)],
    ['The order', FIELDS.slice(10, 14)],
    ['The customer', FIELDS.slice(14, 17)],
    ['An incident (optional)', FIELDS.slice(17)],
  ];
  const submit = form.querySelector('#decide');
  for (const [legend, fields] of groups) {
    const fieldset = el('fieldset', {}, el('legend', { text: legend }));
    for (const field of fields) {
      fieldset.append(fieldControl(field));
    }
    form.insertBefore(fieldset, submit.parentElement);
  }
  form.elements.complaintId.value = newComplaintId();
}

function fieldControl(field) {
  const id = `try-${field.name.replace('.', '-')}`;
  let control;
  if (field.kind === 'select') {
    control = el('select', { id, name: field.name },
      field.none ? el('option', { value: '', text: field.none }) : null,
      field.values.map((value) => el('option', { value, text: `${words(value)} (${value})` })));
    control.value = field.value || '';
  } else if (field.kind === 'boolean') {
    control = el('input', { id, name: field.name, type: 'checkbox' });
  } else {
    control = el('input', { id, name: field.name, type: 'text', inputmode: field.kind === 'text' ? undefined : 'decimal', autocomplete: 'off', props: { value: field.value || '' } });
  }
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', error.id);
  const wrapper = el('div', { class: field.kind === 'boolean' ? 'field check' : 'field', 'data-field': field.path });
  if (field.kind === 'boolean') {
    wrapper.append(control, el('label', { for: id, text: field.label }), error);
  } else {
    wrapper.append(el('label', { for: id, text: field.label }), control, error);
  }
  return wrapper;
}

/** The request from the form; numbers that are not numbers are sent as they are, for the service to name. */
function request() {
  const body = { complaint: {}, order: {}, customer: {} };
  for (const field of FIELDS) {
    const control = form.elements[field.name];
    let value;
    if (field.kind === 'boolean') {
      value = control.checked;
    } else {
      value = control.value.trim();
      if (value === '' && (field.optional || field.kind !== 'text')) {
        continue;
      }
      if (field.kind === 'integer' && /^\d+$/.test(value)) {
        value = Number(value);
      }
    }
    const [head, tail] = field.path.split('.');
    if (tail === undefined) {
      body[head] = value;
    } else {
      body[head] = body[head] || {};
      body[head][tail] = value;
    }
  }
  // An incident is a pair: its level decides whether there is one.
  if (!body.incident || !body.incident.goodwillLevel) {
    delete body.incident;
  }
  return body;
}

function clearFieldErrors() {
  for (const error of form.querySelectorAll('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
  }
}

/** A 400's errors[] next to the fields they name; the rest (and "$") in the message area. */
function showFieldErrors(errors) {
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const field = FIELDS.find((f) => f.path === error.field || error.field.startsWith(`${f.path}.`) || error.field.startsWith(`${f.path}[`));
    const wrapper = field && form.querySelector(`[data-field="${field.path}"]`);
    if (!wrapper) {
      unplaced.push(`${error.field === '$' ? 'The request' : error.field}: ${error.message}`);
      continue;
    }
    const box = wrapper.querySelector('.field-error');
    box.textContent = box.textContent ? `${box.textContent} ${error.message}` : error.message;
    box.hidden = false;
    const control = wrapper.querySelector('input, select');
    control.setAttribute('aria-invalid', 'true');
    first = first || control;
  }
  return { unplaced, first };
}

async function decide() {
  clearFieldErrors();
  const body = request();
  const active = context.activeVersion();
  const draftId = context.draftId();
  clear(activeBox).append(el('p', { text: 'Deciding…' }));
  clear(draftBox).append(el('p', { text: draftId ? 'Deciding…' : 'Check a draft to see its decision here, next to the active version\'s.' }));
  const calls = [policy.decideUnderVersion(active, body)];
  if (draftId) {
    calls.push(policy.decideUnderDraft(draftId, body));
  }
  const results = await Promise.allSettled(calls);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    clear(activeBox);
    clear(draftBox);
    const error = failed.reason;
    if (error && error.status === 400 && Array.isArray(error.problem.errors) && error.problem.errors.length > 0) {
      const { unplaced, first } = showFieldErrors(error.problem.errors);
      showMessage(`The complaint was not accepted: ${error.problem.errors.length === 1 ? 'one field needs' : 'some fields need'} a change (see next to the fields).${unplaced.length > 0 ? ` ${unplaced.join('; ')}` : ''}`);
      first?.focus();
      return;
    }
    throw error;
  }
  const activeDecision = results[0].value;
  const draftDecision = results[1] ? results[1].value : null;
  const a = summarise(activeDecision);
  const d = draftDecision ? summarise(draftDecision) : null;
  render(activeBox, `Active version ${activeDecision.policyVersion}`, a, d);
  if (d) {
    render(draftBox, `Draft ${draftId}`, d, a);
    const differing = a.filter((part, i) => part.text !== d[i].text).length;
    showMessage(differing === 0 ? 'The draft decides this complaint exactly as the active version does.' : `The draft decides ${differing} ${differing === 1 ? 'part' : 'parts'} of this complaint differently (highlighted).`, 'ok');
  } else {
    showMessage('Decided under the active version.', 'ok');
  }
  form.elements.complaintId.value = newComplaintId();
}

function option(o) {
  const parts = [o.type];
  if (o.percent !== undefined && o.percent !== null) {
    parts.push(`${o.percent} %`);
  }
  if (o.amount !== undefined && o.amount !== null) {
    parts.push(o.amount);
  }
  if (o.recommended) {
    parts.push('recommended');
  }
  if (o.requiresApproval) {
    parts.push('needs an agent\'s approval');
  }
  return parts.join(', ');
}

/** The decision as labelled parts, each with a text to compare and the lines to show. */
function summarise(decision) {
  const parts = [
    { label: 'Level and score', lines: [`${decision.dissatisfaction.level}, score ${decision.dissatisfaction.score}`] },
    { label: 'Remedies', lines: decision.remedies.length === 0 ? ['none'] : decision.remedies.map(option) },
    { label: 'Compensation', lines: decision.compensation.length === 0 ? ['none'] : decision.compensation.map(option) },
    { label: 'Escalation path', lines: [decision.escalation.path, decision.escalation.reason].filter(Boolean) },
    { label: 'Response times', lines: [`first response within ${decision.sla.firstResponseMinutes} minutes`, `resolved within ${decision.sla.resolutionHours} hours`, `an update every ${decision.sla.updateEveryDays} days`] },
    { label: 'Actions', lines: decision.actions.length === 0 ? ['none'] : decision.actions },
    { label: 'Explanation', lines: decision.explanation.map((line) => `${line.source}: ${line.detail}`), list: true },
  ];
  return parts.map((part) => ({ ...part, text: part.lines.join('\n') }));
}

function render(box, title, parts, other) {
  clear(box);
  box.append(el('h3', { text: title }));
  const list = el('dl', { class: 'decision' });
  parts.forEach((part, i) => {
    const differs = other && other[i].text !== part.text;
    list.append(el('dt', { class: differs ? 'differs' : null }, part.label, differs ? srOnly(' (differs)') : null),
      el('dd', { class: differs ? 'differs' : null, 'data-part': part.label },
        part.lines.length === 1 && !part.list ? part.lines[0] : el(part.list ? 'ol' : 'ul', {}, part.lines.map((line) => el('li', { text: line }))),
        differs ? el('span', { class: 'differs-tag', 'aria-hidden': 'true', text: 'differs' }) : null));
  });
  box.append(list);
}
