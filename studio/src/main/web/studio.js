// The Policy Studio: wires the sections together. Sign in with an admin key, then the tables and scenario files
// of the active version are the working set; "Check" makes a draft of the changed ones, which can be tried,
// compared, approved and published.
//
// For the end-to-end tests only: window.studio = {
//   dirtyFiles(): string[]   the working set's changed files (what the next Check sends),
//   draftId(): string|null   the last checked draft,
//   editor(): object         what DmnEditor.open returned (null before a table was opened) }
import { policy, useKey } from './api.js';
import { renderChanges } from './changes.js';
import * as check from './check.js';
import { bindMessage, clear, clearMessage, el, localTime, showError, showMessage } from './dom.js';
import * as history from './history.js';
import * as publish from './publish.js';
import { renderReport } from './report.js';
import * as scenarios from './scenarios.js';
import { forgetKey, storeKey, storedKey } from './session.js';
import * as tables from './tables.js';
import * as tryComplaint from './try.js';
import * as workspace from './workspace.js';

const $ = (id) => document.getElementById(id);

const state = {
  versions: null, // PolicyVersions
  draft: null, // the last checked PolicyDraft
  ownDrafts: new Set(), // ids of the drafts this tab made: the page knows its admin only by them
  lastFocus: null,
};

const OWN_DRAFTS = 'policyStudio.ownDrafts';

function activeVersion() {
  return state.versions ? state.versions.active : null;
}

// ---- Sign in and out -------------------------------------------------------------------------------------------

async function signIn(key) {
  useKey(key);
  let versions;
  try {
    versions = await policy.versions();
  } catch (error) {
    useKey(null);
    if (error.status === 401 || error.status === 403) {
      forgetKey();
    }
    showSignIn();
    showError(error);
    $('admin-key').focus();
    return;
  }
  storeKey(key);
  try {
    state.ownDrafts = new Set(JSON.parse(sessionStorage.getItem(OWN_DRAFTS) || '[]'));
  } catch {
    state.ownDrafts = new Set();
  }
  clearMessage();
  $('sign-in-section').hidden = true;
  $('admin-key').value = '';
  $('workspace').hidden = false;
  $('session-bar').hidden = false;
  await loadVersions(versions);
  await startWorkspace();
  await showSection('section-tables', false);
}

function showSignIn() {
  $('workspace').hidden = true;
  $('session-bar').hidden = true;
  $('sign-in-section').hidden = false;
}

function signOut() {
  forgetKey();
  sessionStorage.removeItem(OWN_DRAFTS);
  useKey(null);
  tables.reset();
  scenarios.reset();
  workspace.reset(null, []);
  state.versions = null;
  state.draft = null;
  state.ownDrafts = new Set();
  clear($('active-version'));
  $('report').hidden = true;
  clear($('changes')).append(el('p', { text: 'Check a draft to see here what it changes, row by row.' }));
  clear($('compare-result'));
  clear($('try-active'));
  clear($('try-draft'));
  clear($('history').tBodies[0]);
  showSignIn();
  showMessage('You are signed out. The admin key is forgotten.', 'ok');
  $('admin-key').focus();
}

// ---- The active version and the workspace ----------------------------------------------------------------------

async function loadVersions(versions) {
  state.versions = versions || await policy.versions();
  const active = state.versions.versions.find((v) => v.versionId === state.versions.active);
  const box = clear($('active-version'));
  box.append('Active version ', el('strong', { text: state.versions.active }));
  if (active) {
    box.append(`, published by ${active.publishedBy} ${localTime(active.publishedAt)}: “${active.comment}”`);
    if (active.approval) {
      box.append(`. Approved by ${active.approval.approvedBy} ${localTime(active.approval.approvedAt)}: “${active.approval.comment}”`);
    }
  }
  history.render(state.versions);
  fillCompare();
}

/** The working set from the active version's files. */
async function startWorkspace() {
  const { files } = await policy.versionFiles(activeVersion());
  tables.reset();
  scenarios.reset();
  workspace.reset(activeVersion(), files);
  tables.renderPicker();
  scenarios.renderPicker();
  check.describe();
}

function fillCompare() {
  const newestFirst = [...state.versions.versions].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1));
  for (const select of [$('compare-from'), $('compare-to')]) {
    const previous = select.value;
    clear(select);
    for (const v of newestFirst) {
      select.append(el('option', { value: v.versionId, text: `${v.versionId} (${v.publishedBy}, ${localTime(v.publishedAt)})${v.versionId === state.versions.active ? ', active' : ''}` }));
    }
    if (previous && newestFirst.some((v) => v.versionId === previous)) {
      select.value = previous;
    }
  }
  if (!$('compare-to').dataset.touched) {
    $('compare-to').value = state.versions.active;
    const active = newestFirst.find((v) => v.versionId === state.versions.active);
    const from = (active && active.basedOn) || (newestFirst[1] || newestFirst[0] || {}).versionId;
    if (from) {
      $('compare-from').value = from;
    }
  }
}

// ---- Sections --------------------------------------------------------------------------------------------------

const SECTIONS = {
  'section-tables': () => tables.show(),
  'section-scenarios': () => scenarios.show(),
  'section-check': async () => check.describe(),
  'section-changes': async () => {},
  'section-try': async () => {},
  'section-publish': () => publish.refresh(),
  'section-history': async () => {},
};

async function showSection(id, focus = true) {
  for (const section of document.querySelectorAll('#workspace > section')) {
    section.hidden = section.id !== id;
  }
  for (const button of document.querySelectorAll('nav [data-section]')) {
    if (button.dataset.section === id) {
      button.setAttribute('aria-current', 'page');
    } else {
      button.removeAttribute('aria-current');
    }
  }
  if (focus) {
    $(id).querySelector('h2').focus();
  }
  try {
    await SECTIONS[id]();
  } catch (error) {
    showError(error);
  }
}

// ---- After a check, a publish, an approval, an activation ------------------------------------------------------

async function checked(draft) {
  state.draft = draft;
  state.ownDrafts.add(draft.draftId);
  sessionStorage.setItem(OWN_DRAFTS, JSON.stringify([...state.ownDrafts]));
  renderReport(draft, {
    report: $('report'),
    errors: $('report-errors'),
    failing: $('failing-examples'),
    impact: $('impact'),
    details: $('report-details'),
  }, openScenarioAt);
  const errors = (draft.report && draft.report.errors) || [];
  showMessage(errors.length === 0
    ? `The check passed: draft ${draft.draftId} can be published${draft.approvalRequired ? ' once another admin approves it' : ''}.`
    : `The check found ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in draft ${draft.draftId}; see the report.`, errors.length === 0 ? 'ok' : 'error');
  $('report-heading').focus();
  await loadDraftChanges();
}

async function loadDraftChanges() {
  const box = $('changes');
  if (!state.draft) {
    return;
  }
  try {
    const changes = await policy.draftChanges(state.draft.draftId);
    clear(box).append(renderChanges(changes));
  } catch (error) {
    clear(box).append(el('p', { text: `What draft ${state.draft.draftId} changes cannot be shown: ${error.message}` }));
  }
}

async function openScenarioAt(file, line, term) {
  await showSection('section-scenarios', false);
  try {
    await scenarios.open(file, line, term);
  } catch (error) {
    showError(error, 'opening the scenario file');
  }
}

async function published() {
  state.draft = null;
  $('report').hidden = true;
  clear($('changes')).append(el('p', { text: 'Check a draft to see here what it changes, row by row.' }));
  await loadVersions();
  await startWorkspace();
  await publish.refresh();
}

async function activated() {
  await loadVersions();
  if (workspace.hasUncheckedChanges() || workspace.changedFiles().length > 0) {
    showMessage(`Version ${activeVersion()} is active now. Your changed files are kept; a new check makes a draft from the version active now.`, 'ok');
  } else {
    await startWorkspace();
  }
}

function approved(draft) {
  if (state.draft && state.draft.draftId === draft.draftId) {
    state.draft = draft;
  }
}

async function compare() {
  const from = $('compare-from').value;
  const to = $('compare-to').value;
  const box = clear($('compare-result'));
  if (!from || !to) {
    return;
  }
  if (from === to) {
    showMessage('Pick two different versions to compare.');
    return;
  }
  box.append(el('p', { text: 'Comparing…' }));
  try {
    const changes = await policy.versionChanges(to, from);
    clear(box).append(renderChanges(changes));
  } catch (error) {
    clear(box);
    showError(error, 'comparing the versions');
  }
}

// ---- Start -----------------------------------------------------------------------------------------------------

function start() {
  bindMessage($('message'));
  tables.init({ picker: $('table-picker'), container: $('dmn-editor'), panel: $('annotations') });
  scenarios.init({ picker: $('scenario-picker'), grid: $('scenario-grid') });
  check.init({
    button: $('check'),
    files: $('check-files'),
    pastComplaints: $('past-complaints'),
    progress: $('check-progress'),
    progressText: $('check-progress-text'),
    progressBar: $('check-progress-bar'),
  }, { checked });
  tryComplaint.init({ form: $('try-form'), activeBox: $('try-active'), draftBox: $('try-draft') }, {
    activeVersion,
    draftId: () => (state.draft ? state.draft.draftId : null),
  });
  publish.init({
    publish: $('publish'),
    blocked: $('publish-blocked'),
    comment: $('publish-comment'),
    status: $('publish-status'),
    awaitingList: $('awaiting-approval'),
    approvalComment: $('approval-comment'),
    approve: $('approve'),
  }, {
    draft: () => state.draft,
    ownDrafts: () => state.ownDrafts,
    published,
    approved,
  });
  history.init({
    table: $('history'),
    dialog: $('confirm'),
    title: $('confirm-title'),
    body: $('confirm-body'),
    yes: $('confirm-yes'),
    no: $('confirm-no'),
  }, {
    activated,
    rememberFocus: (element) => { state.lastFocus = element; },
    restoreFocus: () => {
      // After an activation the table is drawn anew and history.js focuses the new row itself.
      if (state.lastFocus && state.lastFocus.isConnected) {
        state.lastFocus.focus();
      }
    },
  });

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('admin-key').value.trim();
    if (!key) {
      showMessage('Enter your admin key.');
      $('admin-key').focus();
      return;
    }
    signIn(key).catch((error) => showError(error, 'signing in'));
  });
  $('sign-out').addEventListener('click', signOut);
  for (const button of document.querySelectorAll('nav [data-section]')) {
    button.addEventListener('click', () => showSection(button.dataset.section));
  }
  $('compare').addEventListener('click', () => compare());
  $('compare-to').addEventListener('change', () => { $('compare-to').dataset.touched = 'yes'; });

  // Leaving with edits not yet checked loses them: the browser asks first.
  window.addEventListener('beforeunload', (event) => {
    if (workspace.hasUncheckedChanges()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  window.studio = {
    dirtyFiles: () => workspace.changedFiles(),
    draftId: () => (state.draft ? state.draft.draftId : null),
    editor: () => tables.currentEditor(),
  };

  const key = storedKey();
  if (key) {
    signIn(key).catch((error) => showError(error, 'signing in'));
  } else {
    showSignIn();
    $('admin-key').focus();
  }
}

start();
