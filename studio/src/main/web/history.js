// The published versions, newest first, and activating any of them (roll back or forward) after a confirmation
// that says in words what changes against the active version.
import { policy } from './api.js';
import { renderChanges } from './changes.js';
import { clear, el, localTime, showError, showMessage } from './dom.js';

let elements;
let context;
let target = null;

export function init(els, ctx) {
  elements = els;
  context = ctx;
  elements.yes.addEventListener('click', () => {
    confirmActivate().catch((error) => {
      elements.dialog.close();
      showError(error, 'activating the version');
    });
  });
  elements.no.addEventListener('click', () => {
    target = null;
    elements.dialog.close();
  });
  // Escape closes the dialog too; either way the focus goes back to where the lead was.
  elements.dialog.addEventListener('close', () => {
    target = null;
    context.restoreFocus?.();
  });
}

export function render(versions) {
  const body = elements.table.tBodies[0];
  clear(body);
  const list = [...versions.versions].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  for (const v of list) {
    const active = v.versionId === versions.active;
    const action = active
      ? el('span', { class: 'badge', text: 'Active' })
      : el('button', { type: 'button', class: 'small', 'aria-label': `Activate version ${v.versionId}`, text: 'Activate' });
    if (!active) {
      action.addEventListener('click', () => ask(v, versions.active, action).catch((error) => showError(error, 'reading what would change')));
    }
    body.append(el('tr', { 'data-version': v.versionId, class: active ? 'active' : null },
      el('th', { scope: 'row' }, el('code', { text: v.versionId })),
      el('td', {}, v.publishedBy, el('br'), el('small', { text: localTime(v.publishedAt) })),
      el('td', { text: v.comment }),
      el('td', {}, v.approval
        ? [v.approval.approvedBy, el('br'), el('small', { text: localTime(v.approval.approvedAt) }), el('br'), `“${v.approval.comment}”`]
        : '—'),
      el('td', {}, v.basedOn ? el('code', { text: v.basedOn }) : '—'),
      el('td', {}, action)));
  }
}

async function ask(version, active, button) {
  target = version;
  context.rememberFocus?.(button);
  const changes = await policy.versionChanges(version.versionId, active);
  elements.title.textContent = `Activate version ${version.versionId}?`;
  clear(elements.body).append(
    el('p', { text: `It was published by ${version.publishedBy} ${localTime(version.publishedAt)}: “${version.comment}”. Every decision will then be made by its tables. This is what changes against the active version ${active}:` }),
    renderChanges(changes, { compact: true }));
  elements.dialog.showModal();
  elements.no.focus();
}

async function confirmActivate() {
  if (!target) {
    elements.dialog.close();
    return;
  }
  const version = target;
  const activated = await policy.activate(version.versionId);
  elements.dialog.close();
  showMessage(`Version ${activated.versionId} is active now.`, 'ok');
  await context.activated(activated);
  // The table was drawn anew: the focus goes to the row of the version now active.
  elements.table.querySelector(`tr[data-version="${activated.versionId}"] th`)?.setAttribute('tabindex', '-1');
  elements.table.querySelector(`tr[data-version="${activated.versionId}"] th`)?.focus();
}
