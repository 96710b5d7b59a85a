package dev.debrief.adapter.persistence.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "workspace")
public class WorkspaceJpaEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Column(name = "default_currency", nullable = false, length = 3)
    public String defaultCurrency;

    @Column(name = "check_in_ratio", nullable = false, precision = 4, scale = 3)
    public java.math.BigDecimal checkInRatio;

    @Column(name = "check_in_assumed_term_months", nullable = false)
    public int checkInAssumedTermMonths;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public long version;
}
