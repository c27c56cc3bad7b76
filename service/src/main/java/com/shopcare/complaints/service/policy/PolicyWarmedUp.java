package com.shopcare.complaints.service.policy;

/**
 * The instance has compiled and warmed up its policy and now reports ready: what it says to a newcomer (the demo key)
 * is said after this, not among the start-up lines.
 *
 * @param policyVersion the active version it is ready with
 */
public record PolicyWarmedUp(String policyVersion) {
}
