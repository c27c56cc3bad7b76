package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/** jqwik's complaints for the property tests, drawn from the draft check's own generator ({@link ComplaintSample}). */
final class SampledComplaints {

    static final Policy SHIPPED = new PolicyCompiler().compile(PolicyFiles.shipped());
    private static final ComplaintSample SAMPLE = new ComplaintSample(SHIPPED);

    private SampledComplaints() {
    }

    /** One complaint per try, from a random seed; a failing try is reproduced by its seed. */
    static Arbitrary<Complaint> any() {
        return Arbitraries.longs().map(seed -> SAMPLE.generate(1, seed).get(0));
    }

    /** A complaint the shop side (anyone but the customer) is responsible for. */
    static Arbitrary<Complaint> shopSide() {
        return any().filter(complaint -> !"CUSTOMER".equals(complaint.responsibility()));
    }

    /** A batch of complaints from one seed, as the check decides them. */
    static Arbitrary<List<Complaint>> batches(int size) {
        return Arbitraries.longs().map(seed -> SAMPLE.generate(size, seed));
    }
}
