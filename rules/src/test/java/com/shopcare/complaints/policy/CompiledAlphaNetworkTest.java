package com.shopcare.complaints.policy;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards' alpha network compiled by the build and attached after start-up (ADR 0012): the same decisions as the
 * interpreted network, and every policy of the compiler moves to it, including one compiled before the switch.
 */
class CompiledAlphaNetworkTest {

    // Its own compiler: switching the shared one would change what the other test classes run.
    private static final PolicyCompiler COMPILED = new PolicyCompiler();
    private static final Policy INTERPRETED_POLICY = TestPolicies.shipped();
    private static final Policy COMPILED_POLICY = compiledPolicy();

    private static Policy compiledPolicy() {
        COMPILED.compileGuardsAlphaNetwork();
        return COMPILED.compile(PolicyFiles.shipped());
    }

    @Property(tries = 1_000)
    void compiledNetworkDecidesAsTheInterpretedOne(@ForAll("anyComplaint") Complaint complaint) {
        assertThat(COMPILED_POLICY.decide(complaint)).isEqualTo(INTERPRETED_POLICY.decide(complaint));
    }

    @Provide
    Arbitrary<Complaint> anyComplaint() {
        return ValidComplaints.any();
    }

    @Test
    void switchingIsReportedAndHappensOnce() {
        assertThat(TestPolicies.compiler().guardsAlphaNetworkCompiled()).isFalse();
        assertThat(COMPILED.guardsAlphaNetworkCompiled()).isTrue();

        GuardBase base = new GuardBase(PolicyCompiler::loadGuards);
        base.compileAlphaNetwork();
        Object first = base.current();
        base.compileAlphaNetwork();

        assertThat(base.current()).isSameAs(first);
    }

    @Test
    void workingMemoriesOfTheInterpretedNetworkAreNotReusedAfterTheSwitch() {
        GuardBase base = new GuardBase(PolicyCompiler::loadGuards);
        GuardSessions sessions = new GuardSessions(base);
        KieSession idleAtTheSwitch = sessions.take();
        KieSession busyAtTheSwitch = sessions.take();
        sessions.giveBack(idleAtTheSwitch);

        base.compileAlphaNetwork();
        sessions.giveBack(busyAtTheSwitch);
        KieSession afterTheSwitch = sessions.take();

        assertThat(afterTheSwitch).isNotSameAs(idleAtTheSwitch).isNotSameAs(busyAtTheSwitch);
        assertThat(afterTheSwitch.getKieBase()).isSameAs(base.current());
        assertThat(idleAtTheSwitch.getKieBase()).isNotSameAs(base.current());
        sessions.giveBack(afterTheSwitch);
        assertThat(sessions.take()).as("a working memory of the compiled network is reused").isSameAs(afterTheSwitch);
    }

    @Test
    void aPolicyCompiledBeforeTheSwitchDecidesAndReportsItsVersionAsBefore() {
        PolicyCompiler compiler = new PolicyCompiler();
        Policy before = compiler.compile(PolicyFiles.shipped());
        Complaint complaint = Complaints.documentedExample().compensationsLast90Days(4).build();
        Decision interpreted = before.decide(complaint);

        compiler.compileGuardsAlphaNetwork();
        Decision compiled = before.decide(complaint);

        assertThat(compiled).isEqualTo(interpreted);
        assertThat(compiled.policyVersion()).isEqualTo(interpreted.policyVersion());
        assertThat(compiled.compensation()).isNotEmpty().allMatch(Option::requiresApproval);
    }
}
