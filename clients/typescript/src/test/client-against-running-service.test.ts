import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
    Channel, Configuration, CurrencyCode, type DecisionRequest, DecisionRequestFromJSON, DecisionsApi, Emotion,
    EscalationPath, IssueType, Level, OptionType, ProblemFromJSON, Responsibility, ResponseError, Tier,
    ValidationProblemFromJSON,
} from '../../target/generated';
import { RunningService, randomKey, sha256 } from '../test-support/running-service';

const SERVICE_JAR = '../../service/target/complaint-decisions.jar';
const MEDIUM_COMPLAINT = '../../docs/examples/complaint-medium.json';
const PROBLEMS = 'https://shopcare.example/problems/';

/** Requests a shop may send at once; then 1 a second. Small, so that the 429 comes after a few requests. */
const BURST = 5;

const SHOP_KEY = randomKey();
/** A shop of its own for the 429, so that the other tests' requests do not use up its burst, nor it theirs. */
const BURST_SHOP_KEY = randomKey();

/** The generated client against the packaged service, started once for these tests as a separate process. */
describe('the generated client against the running service', { timeout: 240_000 }, () => {
    let policyStore: string;
    let service: RunningService;

    before(async () => {
        policyStore = mkdtempSync(join(tmpdir(), 'policy-store-'));
        service = await RunningService.start(
            SERVICE_JAR,
            {
                DECISION_API_KEYS: `shop-eu-1=${sha256(SHOP_KEY)},shop-burst=${sha256(BURST_SHOP_KEY)}`,
                // No admin endpoint is called here; a random admin key all the same, so that none is left unset.
                DECISION_ADMIN_KEYS: `lead=${sha256(randomKey())}`,
            },
            [
                `--decision.policy.store=${policyStore}`,
                '--decision.rate-limit.requests-per-second=1',
                `--decision.rate-limit.burst=${BURST}`,
                // Ready once compiled: the warm-up's 10-20 s of requests would only make the build longer.
                '--decision.policy.warm-up=false',
            ],
            'target/service-under-test.log');
    });

    after(async () => {
        await service?.stop();
        if (policyStore) {
            rmSync(policyStore, { recursive: true, force: true });
        }
    });

    test('a shop gets a decision for the medium complaint', async () => {
        const serviceUri = service.baseUri;
        const shopKey = SHOP_KEY;

        // README begin: these lines are the client's README.md; readme.test.ts fails when the two differ.
        const complaint: DecisionRequest = {
            complaintId: 'C-77',
            complaint: { issueType: IssueType.LateDelivery, responsibility: Responsibility.Shop,
                channel: Channel.Email, emotion: Emotion.Angry },
            order: { value: '100.00', currency: CurrencyCode.Eur },
            customer: { tier: Tier.Regular },
        };

        const decisions = new DecisionsApi(new Configuration({ basePath: serviceUri, accessToken: shopKey }));
        const decision = await decisions.decide({ decisionRequest: complaint });
        // README end

        assert.equal(decision.complaintId, 'C-77');
        assert.equal(decision.shopId, 'shop-eu-1');
        assert.equal(decision.dissatisfaction.score, 30);
        assert.equal(decision.dissatisfaction.level, Level.Medium);
        assert.equal(decision.escalation.path, EscalationPath.FrontlineAgent);
        // The main README: this complaint gets a voucher of 10 % under the shipped tables.
        const first = decision.compensation[0];
        assert.equal(first?.type, OptionType.Voucher);
        assert.equal(first?.percent, 10);
        assert.equal(first?.amount, '10.00');
        assert.equal(first?.recommended, true);
    });

    test('an invalid complaint is refused with a problem naming the field', async () => {
        const invalid = mediumComplaint();
        invalid.complaint.contactCount = 0; // the yaml's minimum is 1; the client does not check it, the service does

        const refused = await refusal(shop(SHOP_KEY).decide({ decisionRequest: invalid }));

        assert.equal(refused.response.status, 400);
        const problem = ValidationProblemFromJSON(await refused.response.json());
        assert.equal(problem.type, `${PROBLEMS}invalid-request`);
        assert.equal(problem.status, 400);
        assert.deepEqual(problem.errors.map(error => error.field), ['complaint.contactCount']);
        assert.ok(problem.correlationId, 'a correlation id');
        console.log(`400 ${JSON.stringify(problem)}`);
    });

    test('a shop beyond its burst is told when to retry', async () => {
        const decisions = shop(BURST_SHOP_KEY);
        const complaint = mediumComplaint();

        let accepted = 0;
        let refused: ResponseError | undefined;
        // At most BURST + 1 accepted: one token comes back each second, so a slow machine may get one more in.
        while (refused === undefined && accepted <= BURST + 1) {
            try {
                await decisions.decide({ decisionRequest: complaint });
                accepted++;
            } catch (e) {
                if (!(e instanceof ResponseError)) {
                    throw e;
                }
                refused = e;
            }
        }

        assert.ok(refused, `a refusal after ${accepted} accepted requests`);
        assert.ok(accepted >= BURST && accepted <= BURST + 1, `${accepted} accepted`);
        assert.equal(refused.response.status, 429);
        const retryAfter = Number(refused.response.headers.get('Retry-After'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After ${retryAfter}`);
        const problem = ProblemFromJSON(await refused.response.json());
        assert.equal(problem.type, `${PROBLEMS}rate-limited`);
        assert.equal(problem.status, 429);
        assert.ok(problem.correlationId, 'a correlation id');
        console.log(`429 after ${accepted} accepted, Retry-After ${retryAfter}, ${JSON.stringify(problem)}`);
    });

    function shop(key: string): DecisionsApi {
        return new DecisionsApi(new Configuration({ basePath: service.baseUri, accessToken: key }));
    }
});

function mediumComplaint(): DecisionRequest {
    return DecisionRequestFromJSON(JSON.parse(readFileSync(MEDIUM_COMPLAINT, 'utf8')));
}

/** The ResponseError the generated client rejects with for an answer other than 2xx. */
async function refusal(call: Promise<unknown>): Promise<ResponseError> {
    try {
        await call;
    } catch (e) {
        if (e instanceof ResponseError) {
            return e;
        }
        throw e;
    }
    assert.fail('the call was not refused');
}
