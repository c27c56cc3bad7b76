package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.FieldError;
import com.shopcare.complaints.api.model.Order;
import com.shopcare.complaints.service.system.InvalidRequestException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The checks of the API contract that the schema cannot express: a real ISO 4217 currency, amounts with no more
 * decimals than it has, a positive order value, and affected items worth no more than the order. They run after
 * the schema's own checks and report every offending field at once.
 */
final class RequestChecks {

    private RequestChecks() {
    }

    /** Returns the order currency, or throws naming every offending field. */
    static Currency check(DecisionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Order order = request.getOrder();
        Currency currency = currency(order.getCurrency());
        if (currency == null) {
            errors.add(new FieldError("order.currency", "'" + order.getCurrency() + "' is not an ISO 4217 currency with a minor unit"));
        }
        BigDecimal value = amount(order.getValue(), "order.value", currency, errors);
        BigDecimal affected = amount(order.getAffectedValue(), "order.affectedValue", currency, errors);
        amount(order.getShippingCost(), "order.shippingCost", currency, errors);
        if (value != null && value.signum() <= 0) {
            errors.add(new FieldError("order.value", "must be greater than 0"));
        }
        if (value != null && affected != null && affected.compareTo(value) > 0) {
            errors.add(new FieldError("order.affectedValue", "must not exceed order.value (" + order.getValue() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return currency;
    }

    private static Currency currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            // XXX, XAU and the like are valid codes without a minor unit: no amount can be rounded in them.
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal amount(String text, String field, Currency currency, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (currency != null && amount.scale() > currency.getDefaultFractionDigits()) {
            errors.add(new FieldError(field, currency.getCurrencyCode() + " amounts have at most "
                    + currency.getDefaultFractionDigits() + " decimals"));
        }
        return amount;
    }
}
