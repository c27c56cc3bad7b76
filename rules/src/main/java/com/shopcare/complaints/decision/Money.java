package com.shopcare.complaints.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money arithmetic in one place: amounts are rounded half-even to the currency's minor unit. */
public final class Money {

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    public static BigDecimal percentOf(BigDecimal base, BigDecimal percent, Currency currency) {
        // Dividing by 100 is moving the point: exact, where divide() first works out whether the quotient is exact.
        return round(base.multiply(percent).movePointLeft(2), currency);
    }
}
