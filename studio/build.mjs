// Builds the Policy Studio into target/classes/static/studio/, where the service serves it at /studio/:
// the page's own files as they are, the Apache KIE DMN editor from node_modules (installed by `npm ci` from the
// committed package-lock.json), a gzip copy of every text file (served instead when the browser accepts it), and
// the Content-Security-Policy hash of the one inline script the editor writes into its frame.
// No dependencies beyond Node.js itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
const editorPackage = path.join(here, 'node_modules/@kie-tools/dmn-editor-standalone');
const editorVersion = JSON.parse(fs.readFileSync(path.join(editorPackage, 'package.json'), 'utf8')).version;
const out = path.join(here, 'target/classes/static/studio');
// The editor's file name carries its version: it is cached for a year, and a new version is a new name.
const vendor = `vendor/dmn-editor-standalone-${editorVersion}`;

fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(path.join(here, 'src/main/web'), out, { recursive: true });
fs.mkdirSync(path.join(out, vendor), { recursive: true });
fs.copyFileSync(path.join(editorPackage, 'dist/index.js'), path.join(out, vendor, 'index.js'));
fs.copyFileSync(path.join(editorPackage, 'LICENSE'), path.join(out, vendor, 'LICENSE'));

// The page asks for the editor by this name; index.html names it with a placeholder, filled in here.
const page = path.join(out, 'index.html');
fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replaceAll('@EDITOR_SCRIPT@', `${vendor}/index.js`));

// Read by the service for its Content-Security-Policy header; not a page, so not under static/.
fs.mkdirSync(path.join(here, 'target/classes/studio'), { recursive: true });
fs.writeFileSync(path.join(here, 'target/classes/studio/csp-script-hash.txt'), `${envelopeScriptHash()}\n`);

for (const file of walk(out)) {
  if (/\.(html|js|css|svg|json|txt)$/.test(file) || file.endsWith('LICENSE')) {
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  }
}

/**
 * The editor opens an iframe whose srcdoc holds its envelope as one inline script; a CSP without 'unsafe-inline'
 * must name that script's hash. It is taken from the editor's own code, run here with just enough of a DOM to see
 * the srcdoc it writes, so that it is the exact text the browser hashes.
 */
function envelopeScriptHash() {
  const code = fs.readFileSync(path.join(editorPackage, 'dist/index.js'), 'utf8');
  const seen = new Error('srcdoc seen');
  let srcdoc;
  const element = () => new Proxy({ style: {} }, {
    set(target, key, value) {
      if (key === 'srcdoc') {
        srcdoc = value;
        throw seen;
      }
      target[key] = value;
      return true;
    },
  });
  const context = { document: { createElement: element }, console, setTimeout, clearTimeout, Promise };
  context.window = context;
  context.self = context;
  vm.createContext(context);
  vm.runInContext(code, context);
  try {
    context.DmnEditor.open({ container: { appendChild() {} }, initialContent: Promise.resolve('') });
  } catch (error) {
    if (error !== seen) {
      throw error;
    }
  }
  const scripts = [...srcdoc.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1) {
    throw new Error(`the editor's frame has ${scripts.length} inline scripts, not 1: the CSP hash cannot be computed`);
  }
  return `sha256-${crypto.createHash('sha256').update(scripts[0][1], 'utf8').digest('base64')}`;
}

function* walk(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      yield* walk(file);
    } else {
      yield file;
    }
  }
}
