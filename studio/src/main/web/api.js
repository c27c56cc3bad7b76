// Every call to the service, with the admin key, and every error turned into one sentence a lead can read.
// The service answers errors as application/problem+json (title, detail, errors[], checkErrors[], correlationId).

let adminKey = null;

export function useKey(key) {
  adminKey = key;
}

export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.isApiError = true;
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's type ends with this (e.g. 'own-draft'). */
  isType(suffix) {
    return typeof this.problem.type === 'string' && this.problem.type.endsWith(suffix);
  }
}

/** The problem in words; the field list and the correlation id help when the lead reports it. */
export function describeProblem(status, problem) {
  if (status === 401 || status === 403) {
    return 'This key is not an admin key. Sign in with an admin key of the policy service.';
  }
  const parts = [];
  const title = problem.title || statusWords(status);
  parts.push(problem.detail && problem.detail !== title ? `${title}: ${problem.detail}` : title);
  if (Array.isArray(problem.errors) && problem.errors.length > 0) {
    parts.push(problem.errors.map((e) => `${e.field === '$' ? 'the request' : e.field}: ${e.message}`).join('; '));
  }
  if (Array.isArray(problem.checkErrors) && problem.checkErrors.length > 0) {
    parts.push(problem.checkErrors.slice(0, 5).join('; ') + (problem.checkErrors.length > 5 ? ` (and ${problem.checkErrors.length - 5} more)` : ''));
  }
  let text = parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ') + '.';
  if (problem.correlationId) {
    text += ` (Reference for support: ${problem.correlationId})`;
  }
  return text;
}

function statusWords(status) {
  switch (status) {
    case 400: return 'The request was not accepted';
    case 404: return 'Not found';
    case 409: return 'This cannot be done now';
    case 413: return 'The files are too large (1 MiB in all at most)';
    case 422: return 'The check found errors';
    case 429: return 'Too many requests; wait a moment and try again';
    case 503: return 'The service is not available right now; try again in a moment';
    case 507: return 'The policy store is full';
    default: return status >= 500 ? 'The service failed' : `The service refused the request (status ${status})`;
  }
}

/**
 * One call: `json` is sent as a JSON body, `form` as multipart. Answers JSON or text, as the service sends it.
 * Throws ApiError with the message in words.
 */
export async function call(method, path, { json, form } = {}) {
  const headers = { Accept: 'application/json, application/problem+json, text/plain, application/xml' };
  if (adminKey) {
    headers.Authorization = `Bearer ${adminKey}`;
  }
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError('The service cannot be reached. Check the connection and try again.', 0, {});
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = {};
    if (type.includes('json')) {
      try {
        problem = await response.json();
      } catch {
        problem = {};
      }
    }
    throw new ApiError(describeProblem(response.status, problem), response.status, problem);
  }
  if (response.status === 204) {
    return null;
  }
  if (type.includes('json')) {
    return response.json();
  }
  return response.text();
}

const enc = encodeURIComponent;

export const policy = {
  versions: () => call('GET', '/v1/policy/versions'),
  versionFiles: (id) => call('GET', `/v1/policy/versions/${enc(id)}/files`),
  versionFile: (id, name) => call('GET', `/v1/policy/versions/${enc(id)}/files/${enc(name)}`),
  versionChanges: (id, against) => call('GET', `/v1/policy/versions/${enc(id)}/changes${against ? `?against=${enc(against)}` : ''}`),
  activate: (id) => call('POST', `/v1/policy/versions/${enc(id)}/activate`),
  decideUnderVersion: (id, request) => call('POST', `/v1/policy/versions/${enc(id)}/decisions`, { json: request }),
  drafts: () => call('GET', '/v1/policy/drafts'),
  draft: (id) => call('GET', `/v1/policy/drafts/${enc(id)}`),
  createDraft: (form) => call('POST', '/v1/policy/drafts', { form }),
  draftChanges: (id) => call('GET', `/v1/policy/drafts/${enc(id)}/changes`),
  approve: (id, comment) => call('POST', `/v1/policy/drafts/${enc(id)}/approvals`, { json: { comment } }),
  publish: (id, comment) => call('POST', `/v1/policy/drafts/${enc(id)}/publish`, { json: { comment } }),
  decideUnderDraft: (id, request) => call('POST', `/v1/policy/drafts/${enc(id)}/decisions`, { json: request }),
};
