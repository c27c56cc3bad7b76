package com.shopcare.complaints.policy;

import org.drools.ancompiler.CompiledNetwork;
import org.drools.ancompiler.KieBaseUpdaterANC;
import org.drools.compiler.kie.builder.impl.KieBaseUpdaterOptions;
import org.drools.compiler.kie.builder.impl.KieBaseUpdatersContext;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.internal.builder.conf.AlphaNetworkCompilerOption;

import java.util.function.Supplier;

/**
 * The guards' KieBase that every policy of one compiler runs its working memories from, and the one change it
 * allows: once, to an equal KieBase whose alpha network (each fact type's chain of single-fact constraints) runs as
 * the Java classes the build compiled from it, instead of being interpreted node by node (ADR 0012).
 * Attaching those classes costs about half a second of CPU, so it is not part of start-up; the service does it some
 * seconds after it is ready. The switch is a new KieBase, not the running one changed in place: a decision that took
 * a working memory before the switch finishes in it undisturbed, and working memories of the old KieBase are not
 * reused.
 */
final class GuardBase {

    private final Supplier<KieBase> loader;
    private volatile KieBase current;
    private volatile boolean compiled;

    /** @param loader builds a fresh KieBase of the guards each time it is called */
    GuardBase(Supplier<KieBase> loader) {
        this.loader = loader;
        this.current = loader.get();
    }

    KieBase current() {
        return current;
    }

    boolean alphaNetworkCompiled() {
        return compiled;
    }

    /**
     * Switches to a KieBase with the compiled alpha network, unless that happened already. Throws, and leaves the
     * guards as they were, when the build did not compile one for every fact type.
     */
    synchronized void compileAlphaNetwork() {
        if (compiled) {
            return;
        }
        KieBase next = loader.get();
        InternalKnowledgeBase base = (InternalKnowledgeBase) next;
        // LOAD finds the classes kie-maven-plugin compiled (generateModel=WITHANC) instead of compiling them now.
        new KieBaseUpdaterANC(new KieBaseUpdatersContext(
                new KieBaseUpdaterOptions(new KieBaseUpdaterOptions.OptionEntry(
                        AlphaNetworkCompilerOption.class, AlphaNetworkCompilerOption.LOAD)),
                base.getRete(), GuardBase.class.getClassLoader())).run();
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            // The updater skips, without a word, a fact type whose class it does not find.
            if (node.getObjectSinkPropagator().size() > 0 && !(node.getObjectSinkPropagator() instanceof CompiledNetwork)) {
                throw new IllegalStateException("No compiled alpha network for " + node.getObjectType());
            }
        }
        current = next;
        compiled = true;
    }
}
