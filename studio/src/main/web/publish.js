// Publishing the checked draft with a comment, and the four-eyes approval of other admins' drafts.
// The Publish button says in words why it cannot be pressed yet (#publish-blocked), instead of just greying out.
import { policy } from './api.js';
import { clear, el, localTime, showError, showMessage } from './dom.js';

let elements;
let context;
let awaiting = [];

export function init(els, ctx) {
  elements = els;
  context = ctx;
  elements.publish.addEventListener('click', () => publish().catch((error) => showError(error, 'publishing')));
  elements.approve.addEventListener('click', () => approve().catch((error) => showError(error, 'approving')));
}

/** Why the checked draft cannot be published, in words; null when it can. */
export function blockedReason(draft) {
  if (!draft) {
    return 'There is no checked draft yet: edit the tables or the examples, then use "Check the draft".';
  }
  const errors = (draft.report && draft.report.errors) || [];
  if (errors.length > 0 || draft.publishable === false) {
    const failing = ((draft.report && draft.report.scenarios && draft.report.scenarios.failures) || []).length;
    return `The check of draft ${draft.draftId} found ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}${failing > 0 ? `, ${failing} of them failing examples` : ''}: fix them and check again.`;
  }
  if (draft.approvalRequired && !draft.approval) {
    return 'Waiting for another admin\'s approval: an admin other than the author must approve this draft before it can be published.';
  }
  return null;
}

/** Draws the section from the current draft; loads the drafts awaiting approval. */
export async function refresh() {
  let draft = context.draft();
  if (draft) {
    // Another admin may have approved it meanwhile: the draft is read again.
    try {
      draft = await policy.draft(draft.draftId);
      context.approved(draft);
    } catch {
      // The draft as it was checked still says enough to decide the button.
    }
  }
  const reason = blockedReason(draft);
  const { publish, blocked, status } = elements;
  publish.disabled = reason !== null;
  blocked.hidden = reason === null;
  blocked.textContent = reason || '';
  clear(status);
  if (draft) {
    status.append(el('p', { text: `Checked draft: ${draft.draftId}, made ${localTime(draft.createdAt)} by ${draft.createdBy}, based on ${draft.basedOn}; files: ${(draft.files || []).join(', ')}.` }));
    if (draft.approval) {
      status.append(el('p', { text: `Approved by ${draft.approval.approvedBy} ${localTime(draft.approval.approvedAt)}: “${draft.approval.comment}”` }));
    } else if (draft.approvalRequired && !reason) {
      status.append(el('p', { text: 'Waiting for another admin\'s approval.' }));
    }
  }
  await loadAwaiting();
}

async function loadAwaiting() {
  const { awaitingList } = elements;
  clear(awaitingList);
  let drafts;
  try {
    drafts = ((await policy.drafts()) || {}).drafts || [];
  } catch (error) {
    awaitingList.append(el('p', { text: `The drafts awaiting approval cannot be listed: ${error.message}` }));
    setApprovable(false);
    return;
  }
  awaiting = drafts.filter((d) => d.publishable && d.approvalRequired && !d.approval);
  if (awaiting.length === 0) {
    awaitingList.append(el('p', { text: 'No drafts are waiting for approval.' }));
    setApprovable(false);
    return;
  }
  const mine = context.ownDrafts();
  const fieldset = el('fieldset', {}, el('legend', { text: 'Drafts waiting for approval' }));
  awaiting.forEach((d, i) => {
    const id = `approve-draft-${d.draftId}`;
    const radio = el('input', { type: 'radio', name: 'approve-draft', id, value: d.draftId, props: { checked: i === 0 } });
    fieldset.append(el('div', { class: 'field check' }, radio,
      el('label', { for: id, text: `${d.draftId} by ${d.createdBy}${mine.has(d.draftId) ? ' (yours: another admin must approve it)' : ''}, made ${localTime(d.createdAt)}, changes ${(d.files || []).join(', ')}` })));
  });
  awaitingList.append(fieldset);
  setApprovable(true);
}

function setApprovable(enabled) {
  elements.approve.disabled = !enabled;
  elements.approvalComment.disabled = !enabled;
}

async function publish() {
  const draft = context.draft();
  if (blockedReason(draft)) {
    return;
  }
  const comment = elements.comment.value.trim();
  if (!comment) {
    showMessage('Write a comment first: why do the tables change? It is kept with the version.');
    elements.comment.focus();
    return;
  }
  const version = await policy.publish(draft.draftId, comment);
  elements.comment.value = '';
  showMessage(`Published: version ${version.versionId} is active now.`, 'ok');
  await context.published(version);
}

async function approve() {
  const chosen = elements.awaitingList.querySelector('input[name="approve-draft"]:checked');
  if (!chosen) {
    showMessage('Choose the draft to approve.');
    return;
  }
  const comment = elements.approvalComment.value.trim();
  if (!comment) {
    showMessage('Write a comment with the approval: what did you check?');
    elements.approvalComment.focus();
    return;
  }
  try {
    const draft = await policy.approve(chosen.value, comment);
    elements.approvalComment.value = '';
    showMessage(`Approved draft ${draft.draftId} of ${draft.createdBy}: it can be published now.`, 'ok');
    context.approved(draft);
  } catch (error) {
    if (error.isApiError && error.isType('own-draft')) {
      showMessage('This is your own draft: you cannot approve it yourself. Another admin must approve it.');
      return;
    }
    if (error.isApiError && error.isType('already-approved')) {
      showMessage('This draft is approved already.');
      await refresh();
      return;
    }
    if (error.isApiError && error.isType('policy-check-failed')) {
      showMessage('This draft cannot be approved: its check found errors.');
      return;
    }
    throw error;
  }
  await refresh();
}
