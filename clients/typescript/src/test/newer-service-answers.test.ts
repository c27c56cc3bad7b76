import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    Action, DecisionResponseFromJSON, EscalationPath, instanceOfAction, instanceOfEscalationPath, Level,
} from '../../target/generated';

/** A decision as a later release might send it: a new action, a new escalation path, new fields. */
const NEWER_DECISION = `
    {"decisionId": "ba4088e4-9ccc-423b-b2dd-e471b892c274", "complaintId": "C-1001", "shopId": "demo",
     "policyVersion": "20261123-122327-d89f157237d5",
     "dissatisfaction": {"score": 60, "level": "HIGH", "trend": "RISING"},
     "remedies": [], "compensation": [],
     "escalation": {"path": "CUSTOMER_SUCCESS_TEAM", "reason": "a path of a later release"},
     "sla": {"firstResponseMinutes": 30, "resolutionHours": 48, "updateEveryDays": 2},
     "actions": ["APOLOGIZE", "OFFER_VIDEO_CALL", "THANK_CUSTOMER"],
     "explanation": [],
     "sentiment": {"model": "v2", "score": 0.8}}`;

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
