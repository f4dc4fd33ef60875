package ai.opencrane.controlplane.group;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A named set of principals (tenant names or user ids); members live in {@code group_members}. */
@Entity
@Table(name = "groups")
public class Group {

    @Id
    String id;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String scope;

    String description;

    @Version
    @Column(name = "row_version")
    long rowVersion;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected Group() {
    }

    Group(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
