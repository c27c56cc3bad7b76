package com.shopcare.complaints.service.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static final String KEY = "correct horse battery staple";

    @Test
    void keyIsFoundByItsHashAndNamesItsShop() {
        ApiKeys keys = ApiKeys.parse("shop-1=" + ApiKeys.sha256Hex(KEY), "");

        assertThat(keys.find(KEY)).hasValueSatisfying(caller -> {
            assertThat(caller.name()).isEqualTo("shop-1");
            assertThat(caller.role()).isEqualTo(Caller.Role.SHOP);
        });
        assertThat(keys.find(KEY + " ")).isEmpty();
        assertThat(keys.find(ApiKeys.sha256Hex(KEY))).as("the hash itself is not a key").isEmpty();
    }

    @Test
    void adminKeysAreAdminsAndShopKeysAreShops() {
        ApiKeys keys = ApiKeys.parse("shop-1=" + ApiKeys.sha256Hex("s"), "ops=" + ApiKeys.sha256Hex("a"));

        assertThat(keys.find("s")).map(Caller::role).hasValue(Caller.Role.SHOP);
        assertThat(keys.find("a")).map(Caller::role).hasValue(Caller.Role.ADMIN);
    }

    @Test
    void shopMayHaveTwoKeysWhileOneIsRotated() {
        ApiKeys keys = ApiKeys.parse(" shop-1=" + ApiKeys.sha256Hex("old") + " , shop-1="
                + ApiKeys.sha256Hex("new").toUpperCase() + " ", null);

        assertThat(keys.find("old")).map(Caller::name).hasValue("shop-1");
        assertThat(keys.find("new")).map(Caller::name).hasValue("shop-1");
    }

    @Test
    void malformedEntryIsNamedByPositionWithoutRepeatingItsContent() {
        String secretLooking = "not-a-hash-but-maybe-a-plain-key";

        assertThatThrownBy(() -> ApiKeys.parse("shop-1=" + ApiKeys.sha256Hex(KEY) + ",shop-2=" + secretLooking, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DECISION_API_KEYS, entry 2 of 2")
                .hasMessageNotContaining(secretLooking);
        assertThatThrownBy(() -> ApiKeys.parse("", "ops"))
                .hasMessageContaining("DECISION_ADMIN_KEYS, entry 1 of 1");
        assertThatThrownBy(() -> ApiKeys.parse("shop 1=" + ApiKeys.sha256Hex(KEY), ""))
                .hasMessageContaining("entry 1 of 1");
    }

    @Test
    void noConfiguredShopKeysIsNoticed() {
        assertThat(ApiKeys.parse("", "ops=" + ApiKeys.sha256Hex("a")).hasShopKeys()).isFalse();
        assertThat(ApiKeys.parse("shop-1=" + ApiKeys.sha256Hex(KEY), "").hasShopKeys()).isTrue();
    }

    @Test
    void addedKeyWorksForItsShopAndNewKeysDiffer() {
        ApiKeys keys = ApiKeys.parse("", "");
        String key = ApiKeys.newKey();

        keys.addKey("demo", key);

        assertThat(key).hasSizeGreaterThanOrEqualTo(40);
        assertThat(keys.find(key)).map(Caller::name).hasValue("demo");
        assertThat(keys.find(key)).hasValueSatisfying(caller -> assertThat(caller.instanceOwn()).isFalse());
        assertThat(ApiKeys.newKey()).isNotEqualTo(key);
    }

    @Test
    void temporaryKeyIsTheInstancesOwnAndStopsWorkingWhenClosed() {
        ApiKeys keys = ApiKeys.parse("", "");

        String key;
        try (ApiKeys.TemporaryKey temporary = keys.temporaryKey("warm-up")) {
            key = temporary.key();
            assertThat(keys.find(key)).hasValueSatisfying(caller -> assertThat(caller.instanceOwn()).isTrue());
        }
        assertThat(keys.find(key)).isEmpty();
    }
}
