package ai.opencrane.controlplane.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "third_party_sources")
public class ThirdPartySource {

    @Id
    String id;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String type;

    @Column(nullable = false)
    String url;

    @Column(name = "sync_mode", nullable = false)
    String syncMode;

    @Column(nullable = false)
    String status;

    String notes;

    @Column(name = "last_synced_at")
    Instant lastSyncedAt;

    @Version
    @Column(name = "row_version")
    long rowVersion;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ThirdPartySource() {
    }

    ThirdPartySource(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
