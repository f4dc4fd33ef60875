package ai.opencrane.controlplane.providerkey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "provider_keys")
public class ProviderKey {

    @Id
    String provider;

    @Column(name = "key_id", nullable = false)
    String keyId;

    @Column(nullable = false)
    byte[] ciphertext;

    @Column(name = "masked_value", nullable = false)
    String maskedValue;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected ProviderKey() {
    }

    ProviderKey(String provider) {
        this.provider = provider;
    }
}
