import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Without the warm-up the service is ready 9-17 s after its start on two cores; this leaves room for a busy machine. */
const READY_WITHIN_MS = 180_000;
/** The service shuts down gracefully in well under this; then it is killed. */
const STOP_WITHIN_MS = 30_000;

/** The signals that end this process without an 'exit' event: Ctrl-C, and node --test or Maven being ended. */
const ENDING_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The packaged service jar, started as a separate process on a free loopback port, ready once its readiness probe
 * answers 200. stop() ends it; so does this process's end, should the tests end first (Ctrl-C, SIGTERM, an
 * uncaught error). A process killed with SIGKILL can stop nothing.
 */
export class RunningService {
    private readonly killOnExit = () => this.process.kill('SIGKILL');
    private readonly killOnSignal = (signal: NodeJS.Signals) => {
        this.killOnExit();
        this.forgetProcessEnd();
        globalThis.process.kill(globalThis.process.pid, signal); // ends as the signal would have without a handler
    };

    private constructor(private readonly process: ChildProcess, readonly baseUri: string, private readonly log: string) {
        globalThis.process.on('exit', this.killOnExit);
        ENDING_SIGNALS.forEach(signal => globalThis.process.on(signal, this.killOnSignal));
    }

    private forgetProcessEnd(): void {
        globalThis.process.off('exit', this.killOnExit);
        ENDING_SIGNALS.forEach(signal => globalThis.process.off(signal, this.killOnSignal));
    }

    static async start(jar: string, environment: Record<string, string>, args: string[], log: string): Promise<RunningService> {
        if (!existsSync(jar)) {
            throw new Error(`The service jar ${resolve(jar)} does not exist. Package the service first:`
                + ' ./mvnw -q -pl api-spec,service -am -DskipTests package');
        }
        const port = await freePort();
        // DECISION_* variables of the developer's shell (a PostgreSQL store, real keys) would change what is tested.
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('DECISION_')));
        mkdirSync(dirname(log), { recursive: true });
        const output = openSync(log, 'w');
        const child = spawn(java(), ['-jar', jar, '--server.address=127.0.0.1', `--server.port=${port}`, ...args],
            { env: { ...env, ...environment }, stdio: ['ignore', output, output] });
        closeSync(output);
        const service = new RunningService(child, `http://127.0.0.1:${port}`, log);
        try {
            await service.awaitReadiness();
        } catch (e) {
            await service.stop();
            throw e;
        }
        return service;
    }

    private async awaitReadiness(): Promise<void> {
        const deadline = Date.now() + READY_WITHIN_MS;
        let lastStatus = -1;
        while (Date.now() < deadline) {
            if (this.process.exitCode !== null || this.process.signalCode !== null) {
                throw new Error(`The service ended (${this.process.exitCode ?? this.process.signalCode}) before it was`
                    + ` ready; its log ${resolve(this.log)} ends with:\n${this.logTail()}`);
            }
            try {
                lastStatus = (await fetch(`${this.baseUri}/actuator/health/readiness`,
                    { signal: AbortSignal.timeout(5_000) })).status;
                if (lastStatus === 200) {
                    return;
                }
            } catch {
                // Tomcat is not listening yet; 503 comes once it is, until the policy is compiled.
            }
            await sleep(250);
        }
        throw new Error(`The service was not ready within ${READY_WITHIN_MS / 1000} s (last readiness status`
            + ` ${lastStatus}); its log ${resolve(this.log)} ends with:\n${this.logTail()}`);
    }

    /** SIGTERM first, then SIGKILL. */
    async stop(): Promise<void> {
        this.forgetProcessEnd();
        if (this.process.exitCode !== null || this.process.signalCode !== null) {
            return;
        }
        const ended = new Promise<void>(done => this.process.once('exit', () => done()));
        this.process.kill('SIGTERM');
        const timer = setTimeout(() => this.process.kill('SIGKILL'), STOP_WITHIN_MS);
        await ended;
        clearTimeout(timer);
    }

    private logTail(): string {
        try {
            return readFileSync(this.log, 'utf8').split('\n').slice(-40).join('\n');
        } catch (e) {
            return `(unreadable: ${e})`;
        }
    }
}

/** A random key; the service is configured with its lower-case hex SHA-256, never the key. */
export function randomKey(): string {
    return randomBytes(24).toString('hex');
}

export function sha256(key: string): string {
    return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The JDK Maven runs with (mvnw sets JAVA_HOME where it knows it), else the java on the PATH. */
function java(): string {
    return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function freePort(): Promise<number> {
    return new Promise((done, fail) => {
        const server = createServer();
        server.once('error', fail);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')));
        });
    });
}
