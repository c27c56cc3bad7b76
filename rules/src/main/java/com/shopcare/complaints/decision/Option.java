package com.shopcare.complaints.decision;

import java.math.BigDecimal;

/**
 * A remedy or a compensation the customer can choose.
 *
 * @param percent          the percentage of the base amount, only on percentage options
 * @param amount           what the option is worth in the order currency, only on options worth money
 * @param requiresApproval an agent must approve it before it is granted (P8 abuse guard)
 */
public record Option(String type, BigDecimal percent, BigDecimal amount, boolean recommended,
                     boolean requiresApproval, String description) {
}
