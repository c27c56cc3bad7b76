package com.shopcare.complaints.service.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Where the policy tables come from.
 *
 * @param store         the policy store: a folder of published versions, created on first start; replicas may share it
 * @param postgresql    the PostgreSQL database of the store, used instead of {@code store} when its url is set
 * @param folder        the tables a new store starts with (one DMN file per model); when absent, the shipped ones
 * @param watchInterval how often each replica looks for a newly activated version in the store
 * @param checkSampleSize how many generated complaints a draft's check decides (invariants and impact)
 * @param checkTimeout    how long deciding them may take; a slower draft is a check error, not a longer wait
 * @param draftRetention  how long a draft is kept; older ones are deleted when the next draft is saved
 * @param maxDrafts       how many drafts are kept at most, the newest
 * @param pinnedMemory    how much heap the versions compiled for {@code Policy-Version} may take together (estimated)
 * @param pinsPerShopPerMinute how many versions not compiled yet one shop may have compiled for it a minute
 * @param pinWait         how long a request pinning a version waits for its compilation before a 503 with Retry-After
 * @param approvalsRequired 0, or 1 when a second admin must approve each draft before it is published (four eyes)
 * @param warmUp        whether the instance decides the scenario examples through its own endpoint before it reports
 *                      UP (a cold JVM answers its first requests slowly); off only in tests that do not test it
 */
@ConfigurationProperties("decision.policy")
public record PolicyProperties(Path store, PostgresPolicyStore.Database postgresql, Path folder, @DefaultValue("1s") Duration watchInterval,
                               @DefaultValue("10000") int checkSampleSize,
                               @DefaultValue("60s") Duration checkTimeout,
                               @DefaultValue("30d") Duration draftRetention,
                               @DefaultValue("200") int maxDrafts,
                               @DefaultValue("64MB") DataSize pinnedMemory,
                               @DefaultValue("1") int pinsPerShopPerMinute,
                               @DefaultValue("3s") Duration pinWait,
                               @DefaultValue("0") int approvalsRequired,
                               @DefaultValue("true") boolean warmUp) {

    /** The store's folder, or null when the store is PostgreSQL. */
    public Path storeFolder() {
        return PolicyCompilation.onPostgres(postgresql) ? null
                : store == null ? Path.of(PolicyCompilation.DEFAULT_STORE) : store;
    }
}
