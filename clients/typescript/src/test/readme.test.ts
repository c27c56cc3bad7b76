import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

/** The README's code is the code a test runs against the real service, so that the README cannot drift. */
test('the README shows exactly the lines the decision test runs', () => {
    const tested = unindented(between(lines('src/test/client-against-running-service.test.ts'),
        '// README begin', '// README end'));
    const shown = between(lines('README.md'), '```ts', '```');

    assert.ok(shown.length > 0, 'README.md shows no code');
    assert.deepEqual(shown, tested);
});

function lines(file: string): string[] {
    return readFileSync(file, 'utf8').split(/\r?\n/);
}

/** The lines after the first line containing start up to the next one containing end. */
function between(lines: string[], start: string, end: string): string[] {
    const from = lines.findIndex(line => line.includes(start)) + 1;
    const to = from > 0 ? lines.findIndex((line, i) => i >= from && line.includes(end)) : -1;
    assert.ok(from > 0 && to >= 0, `no lines between '${start}' and '${end}'`);
    return lines.slice(from, to);
}

function unindented(lines: string[]): string[] {
    const indent = Math.min(...lines.filter(line => line.trim() !== '').map(line => line.length - line.trimStart().length));
    return lines.map(line => line.trim() === '' ? '' : line.slice(indent));
}
