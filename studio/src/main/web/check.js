// "Check the draft": the changed files of the working set (and optionally a CSV of past complaints) go to the
// service as a new draft, which is checked at once (about 15 s). A draft with errors comes back as 422 with its id;
// its whole report is then read from the draft itself.
import { policy } from './api.js';
import { showError, showMessage } from './dom.js';
import * as tables from './tables.js';
import * as workspace from './workspace.js';

const EXPECTED_SECONDS = 15;
let elements;
let context;
let running = false;

export function init(els, ctx) {
  elements = els;
  context = ctx;
  elements.button.addEventListener('click', () => {
    run().catch((error) => showError(error, 'checking the draft'));
  });
  workspace.onChange(() => describe());
}

/** Says which files a check would send. */
export function describe() {
  const names = workspace.changedFiles();
  elements.files.textContent = names.length === 0
    ? 'Nothing is changed yet: edit a table or a scenario file first.'
    : `The check sends ${names.length === 1 ? 'this changed file' : `these ${names.length} changed files`}: ${names.join(', ')}.`;
}

async function run() {
  if (running) {
    return;
  }
  await tables.flush();
  const names = workspace.changedFiles();
  if (names.length === 0) {
    showMessage('Nothing is changed yet: edit a table or a scenario file first, then check it.');
    return;
  }
  const form = new FormData();
  for (const name of names) {
    const text = await workspace.content(name);
    form.append('files', new Blob([text], { type: name.endsWith('.dmn') ? 'application/xml' : 'text/plain' }), name);
  }
  const past = elements.pastComplaints.files && elements.pastComplaints.files[0];
  if (past) {
    form.append('pastComplaints', past, past.name);
  }

  running = true;
  const started = Date.now();
  const { progress, progressText, progressBar, button } = elements;
  button.disabled = true;
  progress.hidden = false;
  progressBar.value = 0;
  progressText.textContent = `Checking ${names.length} changed ${names.length === 1 ? 'file' : 'files'}; this takes about ${EXPECTED_SECONDS} seconds…`;
  // The service does not report progress; the bar follows the usual duration and waits at 95 % for the answer.
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    progressBar.value = Math.min(95, (seconds / EXPECTED_SECONDS) * 100);
    progressText.textContent = seconds < EXPECTED_SECONDS
      ? `Checking the draft: ${seconds} of about ${EXPECTED_SECONDS} seconds…`
      : `Still checking (${seconds} seconds): almost done…`;
  }, 1000);
  let draft;
  try {
    try {
      draft = await policy.createDraft(form);
    } catch (error) {
      if (error.isApiError && error.status === 422 && error.problem.draftId) {
        draft = await policy.draft(error.problem.draftId);
      } else {
        throw error;
      }
    }
  } finally {
    clearInterval(timer);
    running = false;
    button.disabled = false;
    progress.hidden = true;
  }
  workspace.markChecked();
  await context.checked(draft);
}
