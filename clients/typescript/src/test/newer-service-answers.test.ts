import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
    Action, DecisionResponseFromJSON, EscalationPath, instanceOfAction, instanceOfEscalationPath, Level,
} from '../../target/generated';

/**
 * A decision as a later release might send it: a new action, a new escalation path, new fields. One file for the
 * Java and the TypeScript client.
 */
const NEWER_DECISION = readFileSync('../decision-from-a-newer-release.json', 'utf8');

test('a decision with unknown enumerated values and unknown fields is still read', () => {
    const decision = DecisionResponseFromJSON(JSON.parse(NEWER_DECISION));

    // An unknown value stays the string the service sent; instanceOfX tells it from the values this client knows.
    assert.deepEqual(decision.actions, [Action.Apologize, 'OFFER_VIDEO_CALL', Action.ThankCustomer]);
    assert.deepEqual(decision.actions.map(instanceOfAction), [true, false, true]);
    assert.equal(decision.escalation.path, 'CUSTOMER_SUCCESS_TEAM');
    assert.equal(instanceOfEscalationPath(decision.escalation.path), false);
    assert.equal(decision.dissatisfaction.level, Level.High);
    assert.equal(decision.dissatisfaction.score, 60);
    // Unknown fields are left out, at the top and further down.
    assert.equal('sentiment' in decision, false);
    assert.equal('trend' in decision.dissatisfaction, false);
});
