package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Complaint;

import java.math.BigDecimal;
import java.util.Currency;

/** Small fixtures: a plain complaint to vary one field at a time. */
final class Complaints {

    private Complaints() {
    }

    /** A calm first contact about a late parcel, 100.00 EUR, a regular customer, the shop at fault. */
    static Complaint.Builder calmLateDelivery() {
        return Complaint.builder()
                .issueType("LATE_DELIVERY").responsibility("SHOP").channel("EMAIL").emotion("CALM")
                .orderValue(new BigDecimal("100.00")).currency(Currency.getInstance("EUR"))
                .shippingCost(new BigDecimal("4.90")).tier("REGULAR");
    }

    /** The API documentation's example: an angry loyal customer with a defective product on a second contact. */
    static Complaint.Builder documentedExample() {
        return Complaint.builder()
                .issueType("DEFECTIVE_PRODUCT").responsibility("SUPPLIER").channel("EMAIL").emotion("ANGRY")
                .contactCount(2).daysSinceDelivery(3)
                .orderValue(new BigDecimal("249.90")).currency(Currency.getInstance("EUR"))
                .affectedValue(new BigDecimal("199.90")).shippingCost(new BigDecimal("4.90"))
                .tier("LOYAL").incident(new Complaint.Incident("INC-7", "HIGH"));
    }
}
