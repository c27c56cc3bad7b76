package com.shopcare.complaints.guards;

import java.math.BigDecimal;

/** An option the tables proposed; the guard rules may withdraw it, cut its amount or require approval. */
public final class OfferedOption {

    /** Which list of the decision the option belongs to. */
    public enum Kind { REMEDY, COMPENSATION }

    private final Kind kind;
    private final String type;
    private final BigDecimal percent;
    private final String description;
    private BigDecimal amount;
    private boolean requiresApproval;
    private boolean withdrawn;

    public OfferedOption(Kind kind, String type, BigDecimal percent, BigDecimal amount, String description) {
        this.kind = kind;
        this.type = type;
        this.percent = percent;
        this.amount = amount;
        this.description = description;
    }

    public Kind getKind() {
        return kind;
    }

    public String getType() {
        return type;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    public void setRequiresApproval(boolean requiresApproval) {
        this.requiresApproval = requiresApproval;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public void withdraw() {
        this.withdrawn = true;
    }
}
